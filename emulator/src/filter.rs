//! `$filter`: parsed into an expression over the table's properties and evaluated on rows.
//!
//! Follows "Filter rows using OData": comparison operators `eq ne gt ge lt le`, logical
//! `and or not`, grouping with parentheses, the OData functions `contains`, `startswith`,
//! `endswith`, and the Dataverse query functions with `PropertyName`/`PropertyValues`
//! (`Microsoft.Dynamics.CRM.In`, `NotIn`, `Between`, `NotBetween`, `ContainValues`,
//! `DoesNotContainValues`, `Null`, `NotNull`, `Like`, `NotLike`). Rows for which the
//! expression is false or null are not returned. String comparisons ignore case, as the
//! service's collation does, and in `contains`/`startswith`/`endswith` the characters `%`,
//! `_`, `[ ]` and `[^ ]` are wildcards ("Use wildcard characters in conditions for string
//! values"; `[%]` matches a literal `%`). Not emulated: paths through navigation
//! properties, lambda operators (`any`/`all`), date query functions (`Today`, `LastXDays`, ...).

use std::cmp::Ordering;

use dataverse_model::{ColumnKind, ColumnMetadata};
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

use crate::error::ErrorResponse;
use crate::schema::Table;
use crate::store::Row;
use crate::values::parse_date;

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
}

/// A literal value as written in the URL.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Literal {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    Guid(Uuid),
    DateTime(time::OffsetDateTime),
    Date(time::Date),
}

/// A string function: `contains`, `startswith`, `endswith`, or a `Like` pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Match {
    Contains,
    StartsWith,
    EndsWith,
    Like,
}

/// A parsed `$filter` expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Filter {
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
    Not(Box<Filter>),
    Compare(Property, Op, Literal),
    Text(Property, Match, String),
    In(Property, Vec<Literal>),
    Between(Property, Literal, Literal),
    ContainValues(Property, Vec<Literal>),
}

/// A property of the table the filter reads, with its column when declared (the primary
/// id need not be).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Property {
    name: String,
    kind: ColumnKind,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open,
    Close,
    Comma,
    Equals,
    List(Vec<Literal>),
    Word(String),
    Text(String),
}

/// Parses `text` (already percent-decoded) against `table`.
pub(crate) fn parse(text: &str, table: &Table) -> Result<Filter, ErrorResponse> {
    let tokens = tokenize(text)?;
    let mut parser = Parser {
        tokens,
        at: 0,
        table,
        text,
        depth: 0,
    };
    let filter = parser.or()?;
    if parser.at < parser.tokens.len() {
        return Err(parser.syntax("an operator or the end of the expression"));
    }
    Ok(filter)
}

fn syntax_error(text: &str, detail: &str) -> ErrorResponse {
    ErrorResponse::bad_request(format!("Syntax error in $filter '{text}': {detail}"))
}

fn tokenize(text: &str) -> Result<Vec<Token>, ErrorResponse> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' | '\r' | '\n' => i += 1,
            '(' => {
                tokens.push(Token::Open);
                i += 1;
            }
            ')' => {
                tokens.push(Token::Close);
                i += 1;
            }
            ',' => {
                tokens.push(Token::Comma);
                i += 1;
            }
            '=' => {
                tokens.push(Token::Equals);
                i += 1;
            }
            '\'' => {
                let (s, next) = quoted(&chars, i, '\'', text)?;
                tokens.push(Token::Text(s));
                i = next;
            }
            '[' => {
                // a JSON-like array of strings or numbers (query function parameters)
                let mut values = Vec::new();
                i += 1;
                loop {
                    while chars.get(i).is_some_and(|c| c.is_whitespace()) {
                        i += 1;
                    }
                    match chars.get(i) {
                        Some(']') => {
                            i += 1;
                            break;
                        }
                        Some(',') => i += 1,
                        Some(q @ ('"' | '\'')) => {
                            let (s, next) = quoted(&chars, i, *q, text)?;
                            values.push(Literal::Text(s));
                            i = next;
                        }
                        Some(_) => {
                            let start = i;
                            while chars
                                .get(i)
                                .is_some_and(|c| !matches!(c, ',' | ']') && !c.is_whitespace())
                            {
                                i += 1;
                            }
                            let word: String = chars[start..i].iter().collect();
                            values.push(literal(&word).ok_or_else(|| {
                                syntax_error(text, &format!("`{word}` is not a value"))
                            })?);
                        }
                        None => return Err(syntax_error(text, "an array is not closed with `]`")),
                    }
                }
                tokens.push(Token::List(values));
            }
            c if c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '$') => {
                let start = i;
                while chars.get(i).is_some_and(|c| {
                    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '+' | '/' | '$')
                }) {
                    i += 1;
                }
                tokens.push(Token::Word(chars[start..i].iter().collect()));
            }
            other => {
                return Err(syntax_error(
                    text,
                    &format!("unexpected character `{other}`"),
                ));
            }
        }
    }
    Ok(tokens)
}

/// Reads a quoted string starting at `chars[start]`; a doubled quote stands for one (OData
/// for `'`); `\"` inside double quotes (JSON) stands for `"`.
fn quoted(
    chars: &[char],
    start: usize,
    quote: char,
    text: &str,
) -> Result<(String, usize), ErrorResponse> {
    let mut out = String::new();
    let mut i = start + 1;
    loop {
        match chars.get(i) {
            None => return Err(syntax_error(text, "a string is not closed")),
            Some('\\') if quote == '"' => {
                if let Some(&next) = chars.get(i + 1) {
                    out.push(next);
                }
                i += 2;
            }
            Some(&c) if c == quote => {
                if quote == '\'' && chars.get(i + 1) == Some(&'\'') {
                    out.push('\'');
                    i += 2;
                } else {
                    return Ok((out, i + 1));
                }
            }
            Some(&c) => {
                out.push(c);
                i += 1;
            }
        }
    }
}

/// A bare literal: null, true, false, a number, a Guid, a date or a date-time.
fn literal(word: &str) -> Option<Literal> {
    match word {
        "null" => return Some(Literal::Null),
        "true" => return Some(Literal::Bool(true)),
        "false" => return Some(Literal::Bool(false)),
        _ => {}
    }
    if word.len() == 36
        && let Ok(id) = word.parse::<Uuid>()
    {
        return Some(Literal::Guid(id));
    }
    if let Some(date) = parse_date(word) {
        return Some(Literal::Date(date));
    }
    if let Ok(at) = time::OffsetDateTime::parse(word, &Rfc3339) {
        return Some(Literal::DateTime(at));
    }
    let starts_numeric = word
        .trim_start_matches('-')
        .starts_with(|c: char| c.is_ascii_digit());
    if starts_numeric {
        let digits = word.trim_end_matches(['m', 'M', 'd', 'D', 'L', 'l', 'f', 'F']);
        return digits.parse::<f64>().ok().map(Literal::Number);
    }
    None
}

/// How deep parentheses and `not` may nest: enough for any real query, and a bound so a
/// hostile filter cannot exhaust the stack.
const MAX_DEPTH: usize = 100;

struct Parser<'a> {
    tokens: Vec<Token>,
    at: usize,
    table: &'a Table,
    text: &'a str,
    depth: usize,
}

impl Parser<'_> {
    fn syntax(&self, expected: &str) -> ErrorResponse {
        let found = match self.tokens.get(self.at) {
            None => "the end of the expression".to_owned(),
            Some(Token::Word(w)) => format!("`{w}`"),
            Some(Token::Text(t)) => format!("'{t}'"),
            Some(other) => format!("{other:?}"),
        };
        syntax_error(self.text, &format!("expected {expected}, found {found}"))
    }

    fn peek_word(&self, word: &str) -> bool {
        matches!(self.tokens.get(self.at), Some(Token::Word(w)) if w == word)
    }

    fn expect(&mut self, token: Token, what: &str) -> Result<(), ErrorResponse> {
        if self.tokens.get(self.at) == Some(&token) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.syntax(what))
        }
    }

    fn or(&mut self) -> Result<Filter, ErrorResponse> {
        let mut left = self.and()?;
        while self.peek_word("or") {
            self.at += 1;
            let right = self.and()?;
            left = Filter::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Filter, ErrorResponse> {
        let mut left = self.unary()?;
        while self.peek_word("and") {
            self.at += 1;
            let right = self.unary()?;
            left = Filter::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Filter, ErrorResponse> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(syntax_error(self.text, "the expression nests too deeply"));
        }
        let result = if self.peek_word("not") {
            self.at += 1;
            self.unary().map(|f| Filter::Not(Box::new(f)))
        } else if self.tokens.get(self.at) == Some(&Token::Open) {
            self.at += 1;
            let inner = self.or()?;
            self.expect(Token::Close, "`)`")?;
            Ok(inner)
        } else {
            self.primary()
        };
        self.depth -= 1;
        result
    }

    fn primary(&mut self) -> Result<Filter, ErrorResponse> {
        let Some(Token::Word(word)) = self.tokens.get(self.at).cloned() else {
            return Err(self.syntax("a property, a function or `(`"));
        };
        if self.tokens.get(self.at + 1) == Some(&Token::Open) {
            self.at += 2;
            return self.function(&word);
        }
        self.at += 1;
        let property = self.property(&word)?;
        let op = match self.tokens.get(self.at) {
            Some(Token::Word(w)) => match w.as_str() {
                "eq" => Op::Eq,
                "ne" => Op::Ne,
                "gt" => Op::Gt,
                "ge" => Op::Ge,
                "lt" => Op::Lt,
                "le" => Op::Le,
                "has" => return Err(ErrorResponse::not_emulated("the `has` operator")),
                _ => return Err(self.syntax("a comparison operator (eq ne gt ge lt le)")),
            },
            _ => return Err(self.syntax("a comparison operator (eq ne gt ge lt le)")),
        };
        self.at += 1;
        let value = self.value()?;
        Ok(Filter::Compare(property, op, value))
    }

    fn value(&mut self) -> Result<Literal, ErrorResponse> {
        let literal = match self.tokens.get(self.at) {
            Some(Token::Text(t)) => Literal::Text(t.clone()),
            Some(Token::Word(w)) => match literal(w) {
                Some(l) => l,
                None if self.table.property(w).is_some() || self.table.is_primary_id(w) => {
                    return Err(ErrorResponse::not_emulated("comparing two properties"));
                }
                None => return Err(self.syntax("a value")),
            },
            _ => return Err(self.syntax("a value")),
        };
        self.at += 1;
        Ok(literal)
    }

    fn property(&self, name: &str) -> Result<Property, ErrorResponse> {
        if name.contains('/') {
            return Err(ErrorResponse::not_emulated(format!(
                "filters through navigation properties (`{name}`)"
            )));
        }
        if self.table.is_primary_id(name) {
            return Ok(Property {
                name: name.to_owned(),
                kind: ColumnKind::Guid,
            });
        }
        match self.table.property(name) {
            Some(column) => Ok(Property {
                name: name.to_owned(),
                kind: column.kind,
            }),
            None => Err(ErrorResponse::no_property(name, self.table.logical_name)),
        }
    }

    fn function(&mut self, name: &str) -> Result<Filter, ErrorResponse> {
        let filter = match name {
            "contains" | "startswith" | "endswith" => {
                let Some(Token::Word(property)) = self.tokens.get(self.at).cloned() else {
                    return Err(self.syntax("a property"));
                };
                self.at += 1;
                let property = self.property(&property)?;
                if property.kind != ColumnKind::Text {
                    return Err(ErrorResponse::bad_request(format!(
                        "`{name}` applies to text columns; `{}` is not one",
                        property.name
                    )));
                }
                self.expect(Token::Comma, "`,`")?;
                let Some(Token::Text(text)) = self.tokens.get(self.at).cloned() else {
                    return Err(self.syntax("a string"));
                };
                self.at += 1;
                let kind = match name {
                    "contains" => Match::Contains,
                    "startswith" => Match::StartsWith,
                    _ => Match::EndsWith,
                };
                Filter::Text(property, kind, text)
            }
            _ => match name.strip_prefix("Microsoft.Dynamics.CRM.") {
                Some(function) => self.query_function(function)?,
                None => {
                    return Err(ErrorResponse::not_emulated(format!(
                        "the function `{name}`"
                    )));
                }
            },
        };
        self.expect(Token::Close, "`)`")?;
        Ok(filter)
    }

    /// `Name(PropertyName='x',PropertyValues=[...])` or `PropertyValue=...`.
    fn query_function(&mut self, function: &str) -> Result<Filter, ErrorResponse> {
        let mut property = None;
        let mut values = Vec::new();
        while let Some(Token::Word(parameter)) = self.tokens.get(self.at).cloned() {
            self.at += 1;
            self.expect(Token::Equals, "`=`")?;
            let value = self.tokens.get(self.at).cloned();
            self.at += 1;
            match (parameter.as_str(), value) {
                ("PropertyName", Some(Token::Text(name))) => property = Some(self.property(&name)?),
                ("PropertyValues", Some(Token::List(list))) => values = list,
                ("PropertyValue", Some(Token::Text(t))) => values = vec![Literal::Text(t)],
                ("PropertyValue", Some(Token::Word(w))) => {
                    values = vec![literal(&w).ok_or_else(|| self.syntax("a value"))?];
                }
                _ => {
                    self.at -= 1;
                    return Err(self.syntax(&format!("a value for `{parameter}`")));
                }
            }
            if self.tokens.get(self.at) == Some(&Token::Comma) {
                self.at += 1;
            }
        }
        let property = property.ok_or_else(|| self.syntax("`PropertyName='<column>'`"))?;
        let pair = |values: &[Literal]| -> Result<(Literal, Literal), ErrorResponse> {
            match values {
                [low, high] => Ok((low.clone(), high.clone())),
                _ => Err(ErrorResponse::bad_request(format!(
                    "`{function}` takes two values in `PropertyValues`"
                ))),
            }
        };
        let compare = |op| Filter::Compare(property.clone(), op, Literal::Null);
        Ok(match function {
            "In" => Filter::In(property, values),
            "NotIn" => Filter::Not(Box::new(Filter::In(property, values))),
            "Between" => {
                let (low, high) = pair(&values)?;
                Filter::Between(property, low, high)
            }
            "NotBetween" => {
                let (low, high) = pair(&values)?;
                Filter::Not(Box::new(Filter::Between(property, low, high)))
            }
            "ContainValues" => Filter::ContainValues(property, values),
            "DoesNotContainValues" => {
                Filter::Not(Box::new(Filter::ContainValues(property, values)))
            }
            "Null" => compare(Op::Eq),
            "NotNull" => compare(Op::Ne),
            "Like" | "NotLike" => {
                let Some(Literal::Text(pattern)) = values.first().cloned() else {
                    return Err(ErrorResponse::bad_request(format!(
                        "`{function}` takes a string `PropertyValue`"
                    )));
                };
                let like = Filter::Text(property, Match::Like, pattern);
                if function == "Like" {
                    like
                } else {
                    Filter::Not(Box::new(like))
                }
            }
            other => {
                return Err(ErrorResponse::not_emulated(format!(
                    "the query function `Microsoft.Dynamics.CRM.{other}`"
                )));
            }
        })
    }
}

impl Filter {
    /// Whether `row` passes (false or null: it does not).
    pub(crate) fn matches(&self, row: &Row) -> bool {
        self.eval(row).unwrap_or(false)
    }

    /// Three-valued: `None` is null (a comparison with a null property).
    fn eval(&self, row: &Row) -> Option<bool> {
        match self {
            Filter::And(a, b) => match (a.eval(row), b.eval(row)) {
                (Some(false), _) | (_, Some(false)) => Some(false),
                (Some(true), Some(true)) => Some(true),
                _ => None,
            },
            Filter::Or(a, b) => match (a.eval(row), b.eval(row)) {
                (Some(true), _) | (_, Some(true)) => Some(true),
                (Some(false), Some(false)) => Some(false),
                _ => None,
            },
            Filter::Not(inner) => inner.eval(row).map(|b| !b),
            Filter::Compare(property, op, literal) => {
                let value = row.fields.get(&property.name).unwrap_or(&Value::Null);
                match (value.is_null(), literal == &Literal::Null) {
                    (true, true) => Some(matches!(op, Op::Eq | Op::Le | Op::Ge)),
                    (false, true) => Some(*op == Op::Ne),
                    (true, false) => (*op == Op::Ne).then_some(true),
                    (false, false) => {
                        let ordering = compare(value, literal, property.kind)?;
                        Some(match op {
                            Op::Eq => ordering == Ordering::Equal,
                            Op::Ne => ordering != Ordering::Equal,
                            Op::Gt => ordering == Ordering::Greater,
                            Op::Ge => ordering != Ordering::Less,
                            Op::Lt => ordering == Ordering::Less,
                            Op::Le => ordering != Ordering::Greater,
                        })
                    }
                }
            }
            Filter::Text(property, kind, text) => {
                let value = row.fields.get(&property.name)?.as_str()?;
                let pattern = match kind {
                    Match::Contains => format!("%{text}%"),
                    Match::StartsWith => format!("{text}%"),
                    Match::EndsWith => format!("%{text}"),
                    Match::Like => text.clone(),
                };
                Some(like(&value.to_lowercase(), &pattern.to_lowercase()))
            }
            Filter::In(property, values) => {
                let value = row.fields.get(&property.name).filter(|v| !v.is_null())?;
                Some(
                    values
                        .iter()
                        .any(|l| compare(value, l, property.kind) == Some(Ordering::Equal)),
                )
            }
            Filter::Between(property, low, high) => {
                let value = row.fields.get(&property.name).filter(|v| !v.is_null())?;
                Some(
                    compare(value, low, property.kind)? != Ordering::Less
                        && compare(value, high, property.kind)? != Ordering::Greater,
                )
            }
            Filter::ContainValues(property, values) => {
                let stored = row.fields.get(&property.name)?.as_str()?;
                let options: Vec<&str> = stored.split(',').map(str::trim).collect();
                Some(values.iter().any(|l| match l {
                    Literal::Text(t) => options.contains(&t.trim()),
                    Literal::Number(n) => options.contains(&n.to_string().as_str()),
                    _ => false,
                }))
            }
        }
    }
}

/// Orders a stored value against a literal, typed by the column's kind; `None` when they
/// cannot be compared.
fn compare(value: &Value, literal: &Literal, kind: ColumnKind) -> Option<Ordering> {
    match kind {
        ColumnKind::Text | ColumnKind::MultiChoice => {
            let text = match literal {
                Literal::Text(t) => t.to_lowercase(),
                _ => return None,
            };
            Some(value.as_str()?.to_lowercase().cmp(&text))
        }
        ColumnKind::Guid | ColumnKind::Lookup => {
            let id: Uuid = value.as_str()?.parse().ok()?;
            let other = match literal {
                Literal::Guid(g) => *g,
                Literal::Text(t) => t.parse().ok()?,
                _ => return None,
            };
            Some(id.cmp(&other))
        }
        ColumnKind::Boolean => match literal {
            Literal::Bool(b) => Some(value.as_bool()?.cmp(b)),
            _ => None,
        },
        ColumnKind::DateTime | ColumnKind::DateOnly => {
            let stored = value.as_str()?;
            let at = |l: &Literal| -> Option<time::OffsetDateTime> {
                match l {
                    Literal::DateTime(t) => Some(*t),
                    Literal::Date(d) => Some(d.midnight().assume_utc()),
                    Literal::Text(t) => time::OffsetDateTime::parse(t, &Rfc3339)
                        .ok()
                        .or_else(|| parse_date(t).map(|d| d.midnight().assume_utc())),
                    _ => None,
                }
            };
            let stored = at(&Literal::Text(stored.to_owned()))?;
            Some(stored.cmp(&at(literal)?))
        }
        _ => {
            let n = match value {
                Value::Number(n) => n.as_f64()?,
                Value::String(s) => s.parse().ok()?,
                _ => return None,
            };
            let other = match literal {
                Literal::Number(x) => *x,
                Literal::Text(t) => t.parse().ok()?,
                _ => return None,
            };
            n.partial_cmp(&other)
        }
    }
}

/// SQL `LIKE`: `%` any run, `_` one character, `[abc]`, `[a-c]` and `[^abc]` one of (or
/// none of) a set.
fn like(text: &str, pattern: &str) -> bool {
    let text: Vec<char> = text.chars().collect();
    let pattern: Vec<char> = pattern.chars().collect();
    // positions in `text` reachable after matching a prefix of the pattern
    let mut states = vec![false; text.len() + 1];
    states[0] = true;
    let mut p = 0;
    while p < pattern.len() {
        let mut next = vec![false; text.len() + 1];
        match pattern[p] {
            '%' => {
                let mut reachable = false;
                for i in 0..=text.len() {
                    reachable |= states[i];
                    next[i] = reachable;
                }
                p += 1;
            }
            '[' if pattern[p..].contains(&']') => {
                let close = p + pattern[p..].iter().position(|c| *c == ']').unwrap_or(0);
                let set = &pattern[p + 1..close];
                let (negated, set) = match set.split_first() {
                    Some(('^', rest)) if !rest.is_empty() => (true, rest),
                    _ => (false, set),
                };
                let in_set = |c: char| {
                    let mut k = 0;
                    while k < set.len() {
                        if k + 2 < set.len() && set[k + 1] == '-' {
                            if (set[k]..=set[k + 2]).contains(&c) {
                                return true;
                            }
                            k += 3;
                        } else {
                            if set[k] == c {
                                return true;
                            }
                            k += 1;
                        }
                    }
                    false
                };
                for i in 0..text.len() {
                    if states[i] && in_set(text[i]) != negated {
                        next[i + 1] = true;
                    }
                }
                p = close + 1;
            }
            c => {
                for i in 0..text.len() {
                    if states[i] && (c == '_' || text[i] == c) {
                        next[i + 1] = true;
                    }
                }
                p += 1;
            }
        }
        states = next;
    }
    states[text.len()]
}

/// The comparison used to sort by a property (`$orderby`): nulls first, then by kind.
pub(crate) fn order(a: &Value, b: &Value, column: Option<&ColumnMetadata>) -> Ordering {
    match (a.is_null(), b.is_null()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Less,
        (false, true) => return Ordering::Greater,
        _ => {}
    }
    let kind = column.map_or(ColumnKind::Guid, |c| c.kind);
    let literal = match b {
        Value::String(s) => Literal::Text(s.clone()),
        Value::Number(n) => Literal::Number(n.as_f64().unwrap_or(0.0)),
        Value::Bool(x) => Literal::Bool(*x),
        _ => return Ordering::Equal,
    };
    compare(a, &literal, kind).unwrap_or(Ordering::Equal)
}

#[cfg(test)]
mod tests {
    use super::like;

    #[test]
    fn like_wildcards() {
        assert!(like("contoso ltd", "%toso%"));
        assert!(like("50% off", "50[%]%"));
        assert!(!like("50 off", "50[%]%"));
        assert!(like("cat", "c_t"));
        assert!(like("bat", "[a-c]at"));
        assert!(!like("rat", "[a-c]at"));
        assert!(like("rat", "[^a-c]at"));
        assert!(!like("cats", "c_t"));
    }
}
