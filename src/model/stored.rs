//! How the two foreign types a [`super::Programme`] holds are written by serde (for the cache
//! of parsed programmes): a time zone by its IANA name, an offset from UTC in seconds.

/// `Option<Tz>` as its IANA name.
pub(super) mod zone {
    use chrono_tz::Tz;
    use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error};

    #[allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)] // serde's `with` passes a reference
    pub fn serialize<S: Serializer>(zone: &Option<Tz>, out: S) -> Result<S::Ok, S::Error> {
        zone.map(Tz::name).serialize(out)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(input: D) -> Result<Option<Tz>, D::Error> {
        Option::<String>::deserialize(input)?
            .map(|name| name.parse().map_err(D::Error::custom))
            .transpose()
    }
}

/// `Option<FixedOffset>` as seconds east of UTC.
pub(super) mod offset {
    use chrono::FixedOffset;
    use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error};

    #[allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)] // serde's `with` passes a reference
    pub fn serialize<S: Serializer>(
        offset: &Option<FixedOffset>,
        out: S,
    ) -> Result<S::Ok, S::Error> {
        offset.map(|o| o.local_minus_utc()).serialize(out)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        input: D,
    ) -> Result<Option<FixedOffset>, D::Error> {
        Option::<i32>::deserialize(input)?
            .map(|seconds| {
                FixedOffset::east_opt(seconds)
                    .ok_or_else(|| D::Error::custom("offset out of range"))
            })
            .transpose()
    }
}
