//! Choice (option set) columns: the [`Choice`] trait and its `'static` metadata.

use std::fmt;
use std::hash::Hash;

/// A label in one language, by Windows locale id (1033 = English, 1036 = French, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LocalizedLabel {
    /// The locale id (LCID) of the label's language.
    pub lcid: u32,
    /// The label, byte for byte as declared.
    pub label: &'static str,
}

/// One option of a choice, as declared in one layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OptionMetadata {
    /// The option's integer value, as stored and sent on the wire.
    pub value: i32,
    /// The Rust variant that stands for the option.
    pub variant: &'static str,
    /// The language-neutral (1033) label, byte for byte (trailing spaces kept).
    pub label: &'static str,
    /// Labels in every declared language, including 1033.
    pub labels: &'static [LocalizedLabel],
    /// The option's description (from its doc comment; empty when it has none).
    pub description: &'static str,
    /// The layer (Rust type name of the choice) that declared the option.
    pub layer: &'static str,
    /// For a status option: the value of the state option it belongs to.
    pub state: Option<i32>,
}

impl OptionMetadata {
    /// The label in language `lcid`, if declared.
    pub fn label_in(&self, lcid: u32) -> Option<&'static str> {
        self.labels.iter().find(|l| l.lcid == lcid).map(|l| l.label)
    }
}

/// `'static` description of a choice (option set) and the layer that declared it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ChoiceMetadata {
    /// The option set's name in Dataverse, e.g. `msdyn_occallsessioneventreasons`.
    pub name: &'static str,
    /// True for a global choice shared by several columns.
    pub global: bool,
    /// The Rust type name of this layer, e.g. `SalesSessionEventReason`.
    pub layer: &'static str,
    /// The options this layer declares (an extension's own and overriding options).
    pub options: &'static [OptionMetadata],
    /// The choice this layer extends, if any.
    pub base: Option<&'static ChoiceMetadata>,
    /// For a status choice: the state choice its options belong to.
    pub state_choice: Option<&'static ChoiceMetadata>,
}

impl ChoiceMetadata {
    /// The option with `value` as seen from this layer: the top-most layer that declares it wins.
    pub const fn option(&'static self, value: i32) -> Option<&'static OptionMetadata> {
        let mut layer = Some(self);
        while let Some(current) = layer {
            let mut i = 0;
            while i < current.options.len() {
                if current.options[i].value == value {
                    return Some(&current.options[i]);
                }
                i += 1;
            }
            layer = current.base;
        }
        None
    }

    /// True when some layer declares `value`.
    pub const fn contains(&'static self, value: i32) -> bool {
        self.option(value).is_some()
    }

    /// The option whose label, ignoring surrounding white space, equals `label`
    /// (white space around `label` is ignored too).
    pub fn option_by_label(&'static self, label: &str) -> Option<&'static OptionMetadata> {
        let wanted = label.trim();
        self.effective_options().find(|o| o.label.trim() == wanted)
    }

    /// The value of the option whose Rust variant is `variant`, searching every layer.
    /// Used at compile time to resolve `#[state = Open]`.
    pub const fn value_of_variant(&'static self, variant: &str) -> Option<i32> {
        let mut layer = Some(self);
        while let Some(current) = layer {
            let mut i = 0;
            while i < current.options.len() {
                if crate::text::const_str_eq(current.options[i].variant, variant) {
                    return Some(current.options[i].value);
                }
                i += 1;
            }
            layer = current.base;
        }
        None
    }

    /// The layers from this one down to the bottom-most base.
    pub fn layers(&'static self) -> impl Iterator<Item = &'static ChoiceMetadata> {
        std::iter::successors(Some(self), |m| m.base)
    }

    /// Every option as seen from this layer, base options first (in declaration order),
    /// each value once, carrying the label of the top-most layer that declares it.
    pub fn effective_options(&'static self) -> impl Iterator<Item = &'static OptionMetadata> {
        let mut layers: Vec<&'static ChoiceMetadata> = self.layers().collect();
        layers.reverse();
        layers.into_iter().flat_map(move |layer| {
            layer
                .options
                .iter()
                // an option is listed where it first appears (bottom-most layer) ...
                .filter(move |o| layer.base.is_none_or(|below| !below.contains(o.value)))
                // ... as the top-most layer declares it
                .filter_map(move |o| self.option(o.value))
        })
    }

    /// How many distinct option values this layer and its bases declare.
    pub fn len(&'static self) -> usize {
        self.effective_options().count()
    }

    /// True when no layer declares any option.
    pub fn is_empty(&'static self) -> bool {
        self.layers().all(|l| l.options.is_empty())
    }
}

/// A choice (option set) type, generated by [`choice!`](crate::choice!).
///
/// Decoding never fails: a value no layer declares is kept in the fallback variant and
/// written back unchanged. Equality and hashing are by [`value`](Choice::value).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `choice!` type",
    label = "not a choice",
    note = "declare choices with `choice!`; for a reference `&C`, call the method on the value (`*c`)"
)]
pub trait Choice: Copy + Eq + Hash + fmt::Debug + 'static {
    /// The choice's options and layers.
    const METADATA: &'static ChoiceMetadata;

    /// The variant for `value`: the top-most layer's option, or the fallback.
    fn from_value(value: i32) -> Self;

    /// The option's integer value.
    fn value(self) -> i32;

    /// True when some layer declares this value.
    fn is_known(self) -> bool;

    /// The 1033 label of the top-most layer declaring the value; `None` when unknown.
    fn label(self) -> Option<&'static str> {
        Self::METADATA.option(self.value()).map(|o| o.label)
    }

    /// The label in language `lcid`; `None` when unknown or not declared in that language.
    fn label_in(self, lcid: u32) -> Option<&'static str> {
        Self::METADATA
            .option(self.value())
            .and_then(|o| o.label_in(lcid))
    }

    /// The option's metadata; `None` when unknown.
    fn metadata(self) -> Option<&'static OptionMetadata> {
        Self::METADATA.option(self.value())
    }

    /// The option whose label equals `label`, ignoring surrounding white space.
    fn from_label(label: &str) -> Option<Self> {
        Self::METADATA
            .option_by_label(label)
            .map(|o| Self::from_value(o.value))
    }
}

/// A status (status reason) choice whose options each belong to a state.
pub trait StatusChoice: Choice {
    /// The state choice.
    type State: Choice;

    /// The state this status belongs to; `None` for an unknown status value.
    fn state(self) -> Option<Self::State> {
        self.metadata()
            .and_then(|o| o.state)
            .map(<Self::State as Choice>::from_value)
    }
}

/// Parses a label (ignoring surrounding white space) or an integer value.
pub fn parse_choice<C: Choice>(text: &str) -> Result<C, crate::ParseChoiceError> {
    if let Some(c) = C::from_label(text) {
        return Ok(c);
    }
    text.trim()
        .parse::<i32>()
        .map(C::from_value)
        .map_err(|_| crate::ParseChoiceError {
            choice: C::METADATA.name,
            input: text.to_owned(),
        })
}

/// Writes a choice as `#[derive(Debug)]` would: the variant of the layer's option with
/// `value`, else `fallback(value)`.
pub fn debug_choice(
    value: i32,
    layer: &ChoiceMetadata,
    fallback: &str,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    match layer.options.iter().find(|o| o.value == value) {
        Some(option) => f.write_str(option.variant),
        None => f.debug_tuple(fallback).field(&value).finish(),
    }
}

/// Writes the label, or the number for an unknown value.
pub fn display_choice<C: Choice>(choice: C, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match choice.label() {
        Some(label) => f.write_str(label),
        None => write!(f, "{}", choice.value()),
    }
}
