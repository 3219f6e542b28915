//! Benchmark models and workload: (a) the `#[dataverse_entity]` struct, (b) hand-written
//! serde structs, (c) `serde_json::Value`, all on the same generated Web API page.
#![allow(missing_docs)]

pub mod expanded;
pub mod generated;
pub mod handwritten;
pub mod value;
pub mod workload;

#[cfg(test)]
mod tests {
    use super::*;

    /// The three models read the same page and write the same create bodies.
    #[test]
    fn models_agree() {
        let json = workload::page(300);
        let a = generated::decode(&json);
        let b = handwritten::decode(&json);
        let page = value::decode(&json);
        let c = value::rows(&page);
        assert_eq!((a.len(), b.len(), c.len()), (300, 300, 300));
        for ((a, b), c) in a.iter().zip(&b).zip(c) {
            assert_eq!(generated::validate(a), Ok(()));
            assert!(handwritten::validate(b).is_ok());
            assert!(value::validate(c).is_ok());
            let (mut ea, mut eb, mut ec) = (Vec::new(), Vec::new(), Vec::new());
            generated::encode(a, &mut ea);
            handwritten::encode(b, &mut eb);
            value::encode(c, &mut ec);
            assert_eq!(
                String::from_utf8_lossy(&ea),
                String::from_utf8_lossy(&eb),
                "(a) and (b) write the same bytes"
            );
            let (va, vc): (serde_json::Value, serde_json::Value) = (
                serde_json::from_slice(&ea).unwrap(),
                serde_json::from_slice(&ec).unwrap(),
            );
            assert_eq!(va, vc, "(a) and (c) write the same JSON");
            assert_eq!(a.etag, b.etag);
            assert_eq!(a.subject, b.subject);
            assert_eq!(
                a.formatted.get("regardingobjectid"),
                b.regardingobjectid_formatted.as_deref()
            );
            assert_eq!(
                a.formatted.len(),
                c.as_object()
                    .unwrap()
                    .keys()
                    .filter(|k| k.ends_with("FormattedValue"))
                    .count()
            );
        }
    }
}
