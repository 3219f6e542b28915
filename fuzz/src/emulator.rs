//! The emulator's request handling as a fuzz target: an input is a request (`METHOD /path`
//! on its first line, the body after it) or, without a request line, a create body for
//! `msdyn_ocsessions`. Checked: no panic, every error in the service's error shape, and a
//! request that fails leaves the stored rows as they were.

use dataverse_model_emulator::Emulator;
use dataverse_model_tests::fuzzing::Target;
use dataverse_model_tests::session::SalesSession;

/// The target.
pub const TARGET: Target = ("emulator request", request);

/// Requests that reach deep into the emulator, to start the corpus with.
pub fn seeds() -> Vec<Vec<u8>> {
    [
        "POST /api/data/v9.2/msdyn_ocsessions\n{\"subject\":\"s\",\"msdyn_queueassignedreason\":192350024,\"regardingobjectid_account_msdyn_ocsession@odata.bind\":\"/accounts(78914942-34cb-ed11-b596-0022481d68cd)\"}",
        "GET /api/data/v9.2/msdyn_ocsessions?$select=subject,_regardingobjectid_value&$filter=(contains(subject,'a%25')%20or%20_regardingobjectid_value%20eq%2078914942-34cb-ed11-b596-0022481d68cd)%20and%20not%20Microsoft.Dynamics.CRM.In(PropertyName='subject',PropertyValues=[%22x%22])&$orderby=subject%20desc&$count=true&$top=3\n",
        "PATCH /api/data/v9.2/msdyn_ocsessions(00000000-0000-4000-8000-000000000001)\n{\"subject\":\"upserted\",\"statecode\":1}",
        "DELETE /api/data/v9.2/msdyn_ocsessions(00000000-0000-4000-8000-000000000001)\n",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect()
}

fn request(input: &[u8]) -> Result<(), String> {
    let emulator = Emulator::new().table::<SalesSession>();
    // one row to update, query and delete
    emulator
        .seed_json(
            "msdyn_ocsessions",
            serde_json::json!({"activityid": "00000000-0000-4000-8000-000000000001", "subject": "seed"}),
        )
        .map_err(|e| format!("the seed row: {e}"))?;
    let (method, uri, body) = split(input);
    let request = http::Request::builder()
        .method(method)
        .uri(uri)
        .header("Content-Type", "application/json")
        .header(
            "Prefer",
            "odata.include-annotations=\"*\",odata.maxpagesize=2",
        )
        .body(body.to_vec())
        .map_err(|e| format!("not a request: {e}"))?;
    let before = emulator.rows("msdyn_ocsession");
    let response = emulator.handle(request);
    if response.status().as_u16() < 400 {
        return Ok(());
    }
    if dataverse_model::ServiceError::from_body(response.body()).is_none() {
        panic!("an error answered without the service's error body");
    }
    if emulator.rows("msdyn_ocsession") != before {
        panic!("a request that failed changed the stored rows");
    }
    Err(format!("answered {}", response.status()))
}

/// `METHOD /path\nbody`, or the whole input as a create body.
fn split(input: &[u8]) -> (&[u8], &[u8], &[u8]) {
    let line_end = input
        .iter()
        .position(|b| *b == b'\n')
        .unwrap_or(input.len());
    let line = &input[..line_end];
    if let Some(space) = line.iter().position(|b| *b == b' ') {
        let (method, uri) = (&line[..space], &line[space + 1..]);
        if !method.is_empty() && method.iter().all(u8::is_ascii_uppercase) && uri.starts_with(b"/")
        {
            return (method, uri, input.get(line_end + 1..).unwrap_or_default());
        }
    }
    (b"POST", b"/api/data/v9.2/msdyn_ocsessions", input)
}
