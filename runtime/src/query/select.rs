//! Lists of columns for `$select`.

use super::column::Column;
use crate::ColumnValue;

/// Columns of table `E` for `$select`: one [`Column`], or a tuple of up to twelve.
pub trait Select<E> {
    /// Writes the names, comma-separated.
    #[doc(hidden)]
    fn write_names(&self, out: &mut String);
}

impl<E, T: ColumnValue> Select<E> for Column<E, T> {
    fn write_names(&self, out: &mut String) {
        self.write_property(out);
    }
}

macro_rules! tuple_select {
    ($first:ident $(, $rest:ident)*) => {
        impl<E, $first: Select<E>, $($rest: Select<E>),*> Select<E> for ($first, $($rest,)*) {
            #[allow(non_snake_case)]
            fn write_names(&self, out: &mut String) {
                let ($first, $($rest,)*) = self;
                $first.write_names(out);
                $(
                    out.push(',');
                    $rest.write_names(out);
                )*
            }
        }
    };
}

tuple_select!(A);
tuple_select!(A, B);
tuple_select!(A, B, C);
tuple_select!(A, B, C, D);
tuple_select!(A, B, C, D, F);
tuple_select!(A, B, C, D, F, G);
tuple_select!(A, B, C, D, F, G, H);
tuple_select!(A, B, C, D, F, G, H, I);
tuple_select!(A, B, C, D, F, G, H, I, J);
tuple_select!(A, B, C, D, F, G, H, I, J, K);
tuple_select!(A, B, C, D, F, G, H, I, J, K, L);
tuple_select!(A, B, C, D, F, G, H, I, J, K, L, M);
