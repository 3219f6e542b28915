//! The `$filter` grammar: tokens, then a recursive-descent parser (depth-bounded) into
//! [`Filter`](super::Filter).

use dataverse_model::ColumnKind;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

use super::{Filter, Literal, Match, Op, Property};
use crate::error::ErrorResponse;
use crate::schema::Table;
use crate::values::parse_date;

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
                // string conditions ignore case: the text is kept lowercase
                Filter::Text(property, kind, text.to_lowercase())
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
                let like = Filter::Text(property, Match::Like, pattern.to_lowercase());
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
