//! The demo's sample photos: two drawings made for the project (`examples/make_demo_photos.rs`
//! draws them; no real patient), shown by `aftercare --demo` on the before/after screen.

/// One sample photo and where the demo files it.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    /// The file it was made as, under `assets/photos/`.
    pub name: &'static str,
    pub bytes: &'static [u8],
    /// The plan day the demo files it under (1 = the treatment day).
    pub day: i64,
    /// Whether it is the photo from before the treatment.
    pub before: bool,
    pub note: &'static str,
}

/// Before the treatment, and a week after.
pub const SAMPLES: [Sample; 2] = [
    Sample {
        name: "demo-before.jpg",
        bytes: include_bytes!("../../assets/photos/demo-before.jpg"),
        day: 1,
        before: true,
        note: "Sample photo: before the treatment",
    },
    Sample {
        name: "demo-after.jpg",
        bytes: include_bytes!("../../assets/photos/demo-after.jpg"),
        day: 7,
        before: false,
        note: "Sample photo: a week later",
    },
];

impl Sample {
    /// The sample as a photo to keep, its bytes as they are: drawn for the project, they
    /// carry no metadata. `None` if the bundled file were not a JPEG (a test keeps it one).
    pub fn as_cleaned(&self) -> Option<super::Cleaned> {
        let reader = image::ImageReader::with_format(
            std::io::Cursor::new(self.bytes),
            image::ImageFormat::Jpeg,
        );
        let (width, height) = reader.into_dimensions().ok()?;
        Some(super::Cleaned {
            bytes: self.bytes.to_vec(),
            format: super::PhotoFormat::Jpeg,
            width,
            height,
            had_exif: false,
        })
    }
}
