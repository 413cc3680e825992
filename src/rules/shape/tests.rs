//! The leaf checks: contact details, dates and ids.
use super::value::*;

#[test]
fn shapes_of_contact_details_and_dates() {
    for (ok, phone) in [
        (true, "+44 20 7946 0000"),
        (true, "(555) 010-0199"),
        (false, "call us"),
        (false, "123"),
        (false, "+44 20 7946 0000 ext. 5"),
    ] {
        assert_eq!(is_phone(phone), ok, "{phone}");
    }
    for (ok, email) in [
        (true, "care@example-clinic.com"),
        (false, "care@clinic"),
        (false, "a b@c.de"),
        (false, "clinic.com"),
    ] {
        assert_eq!(is_email(email), ok, "{email}");
    }
    for (ok, url) in [
        (true, "https://example.com/after?x=1"),
        (true, "http://nhs.uk"),
        (false, "example.com"),
        (false, "https://localhost"),
        (false, "javascript:alert(1)"),
    ] {
        assert_eq!(is_url(url), ok, "{url}");
    }
    for (ok, date) in [
        (true, "2023"),
        (true, "2023-08"),
        (true, "2024-02-29"),
        (false, "2023-02-29"),
        (false, "Aug 2023"),
        (false, "2023-13"),
    ] {
        assert_eq!(is_date(date), ok, "{date}");
    }
}
