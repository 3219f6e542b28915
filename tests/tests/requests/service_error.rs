//! `ServiceError` read from the service's error body.

use dataverse_model::ServiceError;

#[test]
fn service_error_keeps_every_annotation() {
    let body = include_bytes!("../../fixtures/error-with-annotations.response.json");
    let error = ServiceError::from_body(body).expect("a service error body");
    assert_eq!(error.code(), "0x80040265");
    assert_eq!(error.message(), "Example Error Message.");
    assert_eq!(
        error.annotation_str(ServiceError::OPERATION_STATUS),
        Some("1")
    );
    assert_eq!(
        error.annotation_str(ServiceError::SUB_ERROR_CODE),
        Some("12345")
    );
    assert_eq!(
        error.annotation_str(ServiceError::INNER_ERROR_MESSAGE),
        Some("Example Error Message.")
    );
    assert!(
        error
            .annotation_str(ServiceError::HELP_LINK)
            .unwrap()
            .contains("80040265")
    );
    assert!(
        error
            .annotation_str(ServiceError::TRACE_TEXT)
            .unwrap()
            .contains("Entering MyClass plug-in.")
    );
    assert_eq!(error.annotations().len(), 5);
    assert_eq!(
        error.to_string(),
        "the service answered with error `0x80040265`: Example Error Message."
    );
    // written back and read again, nothing is lost
    assert_eq!(ServiceError::from_body(&error.to_body()), Some(error));
}

#[test]
fn service_error_with_empty_code_and_inner_error() {
    let body = br#"{"error":{"code":"","message":"Resource not found for the segment 'acounts'.","innererror":{"type":"Microsoft.OData.UriParser.ODataUnrecognizedPathException"}}}"#;
    let error = ServiceError::from_body(body).unwrap();
    assert_eq!(error.code(), "");
    assert_eq!(
        error.to_string(),
        "the service answered with an error: Resource not found for the segment 'acounts'."
    );
    assert!(error.annotations()["innererror"].is_object());
}

#[test]
fn not_a_service_error() {
    for body in [
        &b""[..],
        b"{",
        b"null",
        b"{\"value\":[]}",
        b"{\"error\":\"text\"}",
        b"{\"error\":{\"code\":\"0x1\"}}",
        b"{\"error\":{\"code\":1,\"message\":\"m\"}}",
        b"<html>Bad Gateway</html>",
    ] {
        assert_eq!(
            ServiceError::from_body(body),
            None,
            "{}",
            String::from_utf8_lossy(body)
        );
    }
}
