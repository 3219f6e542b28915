//! An expanded page: Session rows, each with its regarding account expanded
//! (`regardingobjectid_account_msdyn_ocsession`) and 3 activity parties
//! (`msdyn_ocsession_activity_parties`), decoded by (a) `#[dataverse_entity]` structs with a
//! navigation and party-list columns, (b) hand-written serde structs that keep the parties as
//! the service sends them (one `Vec`), and (b′) hand-written serde structs with the same
//! columns as (a): the parties split into `from`, `to` and `cc` by participation type.

use std::fmt::Write as _;

use dataverse_model::{Guid, Page, PartyList, dataverse_entity};
use dataverse_model_tests::session_choices::SessionState;
use dataverse_model_tests::session_lookups::Regarding;
use serde::Deserialize;

/// The expanded account (a projection of `account`).
#[dataverse_entity(
    logical_name = "account",
    entity_set = "accounts",
    primary_id = "accountid"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct RegardingAccount {
    pub accountid: Option<Guid>,
    pub name: Option<String>,
    #[dataverse(etag)]
    pub etag: Option<String>,
}

/// (a) A Session row with its expansions.
#[dataverse_entity(
    logical_name = "msdyn_ocsession",
    entity_set = "msdyn_ocsessions",
    primary_id = "activityid",
    primary_name = "subject"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct ExpandedSession {
    pub activityid: Option<Guid>,
    pub subject: Option<String>,
    pub statecode: Option<SessionState>,
    pub regardingobjectid: Option<Regarding>,
    #[dataverse(navigation = "regardingobjectid_account_msdyn_ocsession")]
    pub regarding_account: Option<Box<RegardingAccount>>,
    pub from: Option<PartyList>,
    pub to: Option<PartyList>,
    pub cc: Option<PartyList>,
    #[dataverse(etag)]
    pub etag: Option<String>,
}

/// (a) decode.
pub fn decode(json: &str) -> Vec<ExpandedSession> {
    serde_json::from_str::<Page<ExpandedSession>>(json)
        .unwrap()
        .value
}

/// (b) and (b′): the page.
#[derive(Deserialize)]
#[serde(bound = "P: Deserialize<'de> + Default")]
pub struct HandPage<P> {
    pub value: Vec<HandSession<P>>,
}

/// (b) and (b′): a Session row with its expansions; `P` holds the parties, as one `Vec`
/// (`Vec<HandParty>`, (b)) or in (a)'s columns ([`HandPartyColumns`], (b′)).
#[derive(Debug, Deserialize)]
pub struct HandSession<P = Vec<HandParty>> {
    #[serde(rename = "@odata.etag")]
    pub etag: Option<String>,
    pub activityid: Option<uuid::Uuid>,
    pub subject: Option<String>,
    pub statecode: Option<i32>,
    #[serde(rename = "_regardingobjectid_value")]
    pub regardingobjectid: Option<uuid::Uuid>,
    #[serde(rename = "_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname")]
    pub regardingobjectid_table: Option<String>,
    #[serde(rename = "regardingobjectid_account_msdyn_ocsession")]
    pub regarding_account: Option<Box<HandAccount>>,
    #[serde(rename = "msdyn_ocsession_activity_parties", default)]
    pub parties: P,
}

/// (b) The expanded account.
#[derive(Debug, Deserialize)]
pub struct HandAccount {
    #[serde(rename = "@odata.etag")]
    pub etag: Option<String>,
    pub accountid: Option<uuid::Uuid>,
    pub name: Option<String>,
}

/// (b) An activity party.
#[derive(Debug, Deserialize)]
pub struct HandParty {
    pub activitypartyid: Option<uuid::Uuid>,
    pub participationtypemask: i32,
    pub addressused: Option<String>,
    #[serde(rename = "_partyid_value")]
    pub partyid: Option<uuid::Uuid>,
    #[serde(rename = "_partyid_value@Microsoft.Dynamics.CRM.lookuplogicalname")]
    pub partyid_table: Option<String>,
}

/// (b) decode.
pub fn decode_hand(json: &str) -> Vec<HandSession> {
    serde_json::from_str::<HandPage<Vec<HandParty>>>(json)
        .unwrap()
        .value
}

/// (b′) decode: the parties split into (a)'s columns, as a user writing serde by hand for
/// those columns would: one `Vec` per column, filled by participation type as the collection
/// is read.
pub fn decode_hand_columns(json: &str) -> Vec<HandSession<HandPartyColumns>> {
    serde_json::from_str::<HandPage<HandPartyColumns>>(json)
        .unwrap()
        .value
}

/// (b′) The party-list columns: `from` (participation type 1), `to` (2) and `cc` (3).
#[derive(Debug, Default)]
pub struct HandPartyColumns {
    pub from: Vec<HandParty>,
    pub to: Vec<HandParty>,
    pub cc: Vec<HandParty>,
}

impl<'de> Deserialize<'de> for HandPartyColumns {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Parties;
        impl<'de> serde::de::Visitor<'de> for Parties {
            type Value = HandPartyColumns;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an array of activity parties")
            }
            fn visit_seq<S: serde::de::SeqAccess<'de>>(
                self,
                mut seq: S,
            ) -> Result<HandPartyColumns, S::Error> {
                let mut columns = HandPartyColumns::default();
                while let Some(party) = seq.next_element::<HandParty>()? {
                    match party.participationtypemask {
                        1 => columns.from.push(party),
                        2 => columns.to.push(party),
                        3 => columns.cc.push(party),
                        _ => {}
                    }
                }
                Ok(columns)
            }
        }
        d.deserialize_seq(Parties)
    }
}

/// xorshift64*: the same ids on every machine.
fn next(state: &mut u64) -> u64 {
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    state.wrapping_mul(0x2545_f491_4f6c_dd1d)
}

fn guid(state: &mut u64) -> String {
    let (a, b) = (next(state), next(state));
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        b >> 52,
        b & 0xffff_ffff_ffff
    )
}

/// A page of `rows` expanded Session rows, shaped as the service sends them with
/// `Prefer: odata.include-annotations="Microsoft.Dynamics.CRM.lookuplogicalname"`.
pub fn page(rows: usize) -> String {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut out = String::with_capacity(rows * 1200);
    out.push_str(r#"{"@odata.context":"[Organization URI]/api/data/v9.2/$metadata#msdyn_ocsessions(activityid,subject,statecode,_regardingobjectid_value,regardingobjectid_account_msdyn_ocsession(accountid,name),msdyn_ocsession_activity_parties(activitypartyid,participationtypemask,addressused,_partyid_value))","value":["#);
    let parties = [
        (1, "systemuser", "agent"),
        (2, "contact", "customer"),
        (3, "queue", "queue"),
    ];
    for i in 0..rows {
        if i > 0 {
            out.push(',');
        }
        let account = guid(&mut state);
        write!(
            out,
            r#"{{"@odata.etag":"W/\"{}\"","activityid":"{}","subject":"Chat {i} about order {}","statecode":{},"_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"account","_regardingobjectid_value":"{account}","regardingobjectid_account_msdyn_ocsession":{{"@odata.etag":"W/\"{}\"","accountid":"{account}","name":"Litware {i}"}},"msdyn_ocsession_activity_parties":["#,
            72_935_000 + i,
            guid(&mut state),
            next(&mut state) % 10_000,
            i % 2,
            81_000_000 + i,
        )
        .unwrap();
        for (n, (mask, table, who)) in parties.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            write!(
                out,
                r#"{{"activitypartyid":"{}","participationtypemask":{mask},"addressused":"{who}{i}@contoso.com","_partyid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"{table}","_partyid_value":"{}"}}"#,
                guid(&mut state),
                guid(&mut state),
            )
            .unwrap();
        }
        out.push_str("]}");
    }
    out.push_str("]}");
    out
}

#[cfg(test)]
mod tests {
    use dataverse_model::Lookup;

    /// Both models read the same rows, parties and expansions.
    #[test]
    fn models_agree_on_the_expanded_page() {
        let json = super::page(50);
        let (a, b) = (super::decode(&json), super::decode_hand(&json));
        let columns = super::decode_hand_columns(&json);
        assert_eq!((a.len(), b.len(), columns.len()), (50, 50, 50));
        for (a, c) in a.iter().zip(&columns) {
            let lists = [&a.from, &a.to, &a.cc];
            let hand = [&c.parties.from, &c.parties.to, &c.parties.cc];
            for (list, hand) in lists.iter().zip(hand) {
                let ids: Vec<_> = list
                    .as_ref()
                    .unwrap()
                    .parties
                    .iter()
                    .map(|p| p.id)
                    .collect();
                let hand_ids: Vec<_> = hand.iter().map(|p| p.activitypartyid).collect();
                assert_eq!(ids, hand_ids);
            }
        }
        for (a, b) in a.iter().zip(&b) {
            assert_eq!(a.subject, b.subject);
            assert_eq!(
                a.regardingobjectid.as_ref().map(|r| r.id()),
                b.regardingobjectid
            );
            let (ra, rb) = (
                a.regarding_account.as_ref().unwrap(),
                b.regarding_account.as_ref().unwrap(),
            );
            assert_eq!((ra.accountid, &ra.name), (rb.accountid, &rb.name));
            let lists = [&a.from, &a.to, &a.cc];
            for (list, party) in lists.iter().zip(&b.parties) {
                let parties = &list.as_ref().unwrap().parties;
                assert_eq!(parties.len(), 1);
                assert_eq!(parties[0].party.as_ref().map(|p| p.id()), party.partyid);
                assert_eq!(parties[0].address_used, party.addressused);
            }
        }
    }
}
