//! The cascade vocabulary of a relationship: the values, the eight actions with the values
//! each takes, the presets, and the parsing of `cascade(preset, action = Value, ...)`.

use syn::meta::ParseNestedMeta;
use syn::{Ident, Token};

use crate::ctxt::Ctxt;
use crate::keys::{Keys, key_name, skip_value};
use crate::suggest::unknown_key_message;
use crate::symbol::*;

/// A `CascadeType` value as written in `cascade(...)`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CascadeValue {
    NoCascade,
    Cascade,
    Active,
    UserOwned,
    RemoveLink,
    Restrict,
}

impl CascadeValue {
    pub const ALL: [CascadeValue; 6] = [
        CascadeValue::NoCascade,
        CascadeValue::Cascade,
        CascadeValue::Active,
        CascadeValue::UserOwned,
        CascadeValue::RemoveLink,
        CascadeValue::Restrict,
    ];

    /// The `CascadeType` variant name, which is also the Web API name.
    pub fn name(self) -> &'static str {
        match self {
            CascadeValue::NoCascade => "NoCascade",
            CascadeValue::Cascade => "Cascade",
            CascadeValue::Active => "Active",
            CascadeValue::UserOwned => "UserOwned",
            CascadeValue::RemoveLink => "RemoveLink",
            CascadeValue::Restrict => "Restrict",
        }
    }

    /// The value's letter in the runtime's `cascade_from_codes`.
    pub fn code(self) -> char {
        match self {
            CascadeValue::NoCascade => 'N',
            CascadeValue::Cascade => 'C',
            CascadeValue::Active => 'A',
            CascadeValue::UserOwned => 'U',
            CascadeValue::RemoveLink => 'R',
            CascadeValue::Restrict => 'X',
        }
    }

    pub fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|v| v.name()).collect()
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.name() == name)
    }
}

/// One of the eight cascade actions of a relationship, in `CascadeConfiguration` order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Action {
    Archive,
    Assign,
    Delete,
    Merge,
    Reparent,
    RollupView,
    Share,
    Unshare,
}

impl Action {
    pub const ALL: [Action; 8] = [
        Action::Archive,
        Action::Assign,
        Action::Delete,
        Action::Merge,
        Action::Reparent,
        Action::RollupView,
        Action::Share,
        Action::Unshare,
    ];

    /// The keyword in `cascade(...)`, also the `CascadeConfiguration` field name.
    pub fn keyword(self) -> &'static str {
        match self {
            Action::Archive => ARCHIVE,
            Action::Assign => ASSIGN,
            Action::Delete => DELETE,
            Action::Merge => MERGE,
            Action::Reparent => REPARENT,
            Action::RollupView => ROLLUP_VIEW,
            Action::Share => SHARE,
            Action::Unshare => UNSHARE,
        }
    }

    pub fn index(self) -> usize {
        Action::ALL.iter().position(|a| *a == self).unwrap_or(0)
    }

    pub fn from_keyword(keyword: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.keyword() == keyword)
    }

    /// The values Dataverse documents for the action on a custom relationship.
    pub fn allowed(self) -> &'static [CascadeValue] {
        use CascadeValue::*;
        match self {
            Action::Delete => &[Cascade, RemoveLink, Restrict],
            Action::Merge => &[Cascade, NoCascade],
            Action::Archive => &[Cascade, RemoveLink, Restrict, NoCascade],
            Action::Assign
            | Action::Reparent
            | Action::Share
            | Action::Unshare
            | Action::RollupView => &[Cascade, Active, UserOwned, NoCascade],
        }
    }
}

/// A named starting point of `cascade(...)`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Preset {
    Parental,
    Referential,
    Restrict,
    NoCascade,
}

impl Preset {
    pub const ALL: [Preset; 4] = [
        Preset::Parental,
        Preset::Referential,
        Preset::Restrict,
        Preset::NoCascade,
    ];

    pub fn keyword(self) -> &'static str {
        match self {
            Preset::Parental => PARENTAL,
            Preset::Referential => REFERENTIAL,
            Preset::Restrict => RESTRICT,
            Preset::NoCascade => NO_CASCADE,
        }
    }

    pub fn from_keyword(keyword: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.keyword() == keyword)
    }

    /// The same values as the runtime's `CascadeConfiguration` presets.
    pub fn values(self) -> [CascadeValue; 8] {
        use CascadeValue::*;
        let mut values = [NoCascade; 8];
        match self {
            Preset::Parental => {
                for a in [
                    Action::Assign,
                    Action::Delete,
                    Action::Reparent,
                    Action::Share,
                    Action::Unshare,
                ] {
                    values[a.index()] = Cascade;
                }
            }
            Preset::Referential => values[Action::Delete.index()] = RemoveLink,
            Preset::Restrict => values[Action::Delete.index()] = Restrict,
            Preset::NoCascade => {}
        }
        values
    }
}

/// `cascade(preset, action = Value, ...)`.
pub struct CascadeAttr {
    /// The `cascade` keyword.
    pub keyword: Ident,
    pub preset: Option<(Preset, Ident)>,
    /// Explicit per-action values with the value's token.
    pub actions: Vec<(Action, CascadeValue, Ident)>,
    /// Something in it was not understood (already reported): skip the value checks.
    pub incomplete: bool,
}

impl CascadeAttr {
    /// The preset (or all NoCascade), then the explicit values.
    pub fn resolve(&self) -> [CascadeValue; 8] {
        let mut values = self
            .preset
            .as_ref()
            .map_or([CascadeValue::NoCascade; 8], |(p, _)| p.values());
        for (action, value, _) in &self.actions {
            values[action.index()] = *value;
        }
        values
    }
}

/// Parses `cascade(...)`, the value of `outer`.
pub fn parse_cascade(cx: &Ctxt, outer: &ParseNestedMeta) -> syn::Result<CascadeAttr> {
    let mut out = CascadeAttr {
        keyword: Ident::new(CASCADE, proc_macro2::Span::call_site()),
        preset: None,
        actions: Vec::new(),
        incomplete: false,
    };
    let mut known: Vec<&str> = Preset::ALL.iter().map(|p| p.keyword()).collect();
    known.extend(Action::ALL.iter().map(|a| a.keyword()));
    let mut actions = Keys::new(cx, "`cascade` action");
    let keys = Keys::new(cx, "`cascade` preset or action");
    outer.parse_nested_meta(|meta| {
        let name = key_name(&meta.path);
        let ident = meta.path.get_ident().cloned();
        if let (Some(action), Some(key)) = (Action::from_keyword(&name), ident.as_ref()) {
            let value: Ident = meta.value()?.parse()?;
            let Some(v) = CascadeValue::from_name(&value.to_string()) else {
                cx.error_spanned_by(
                    &value,
                    unknown_key_message("cascade value", &value.to_string(), &CascadeValue::names()),
                );
                out.incomplete = true;
                return Ok(());
            };
            if actions.once(&name, key.span()) {
                out.actions.push((action, v, value));
            }
        } else if let (Some(preset), Some(key)) = (Preset::from_keyword(&name), ident) {
            if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
                cx.error_spanned_by(
                    &key,
                    format!("the preset `{name}` takes no value; write `cascade({name}, ...)`"),
                );
                skip_value(&meta)?;
            } else if let Some((_, first)) = &out.preset {
                cx.error_spanned_by(
                    &key,
                    format!(
                        "`cascade` already starts from preset `{first}`; keep one preset and set single actions as `action = Value`"
                    ),
                );
            } else {
                out.preset = Some((preset, key));
            }
        } else {
            out.incomplete = true;
            keys.unknown(&meta, &known)?;
        }
        Ok(())
    })?;
    Ok(out)
}
