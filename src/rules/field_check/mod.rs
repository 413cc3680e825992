//! Checks one object of a plan against its table (`fields`) as serde writes it out: each field
//! given against its type, as `shape` checks a file's value, and the groups of which exactly
//! one (`one_of`) or at least one (`any_of`) must be given.
//!
//! The fields are read through the struct's own `Serialize`, so a field added to a struct
//! and to its table is checked here with no change to this module; a field a struct writes
//! that its table does not know fails the check (and the file goes to the full checker).

use super::fields::Table;
use serde::ser::{self, Impossible, Serialize, Serializer};
use std::fmt;
use value::Value;

/// Whether `value` (a struct of the plan) passes `table`'s checks.
pub(super) fn passes<T: Serialize>(table: &'static Table, value: &T) -> bool {
    value.serialize(Object(table)).is_ok()
}

/// Something in the object that the table refuses; what exactly is the full checker's to say.
#[derive(Debug)]
pub(super) struct Fails;

impl fmt::Display for Fails {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field its table refuses")
    }
}

impl std::error::Error for Fails {}

impl ser::Error for Fails {
    fn custom<T: fmt::Display>(_: T) -> Fails {
        Fails
    }
}

/// Methods of a `Serializer` that refuse what they are given.
macro_rules! refuse {
    ($($name:ident($($arg:ty),*) -> $ok:ty;)*) => {
        $(fn $name(self, $(_: $arg),*) -> Result<$ok, Fails> {
            Err(Fails)
        })*
    };
}

mod value;

/// The object itself: only a struct is read, field by field (`Fields`).
struct Object(&'static Table);

impl Serializer for Object {
    type Ok = ();
    type Error = Fails;
    type SerializeSeq = Impossible<(), Fails>;
    type SerializeTuple = Impossible<(), Fails>;
    type SerializeTupleStruct = Impossible<(), Fails>;
    type SerializeTupleVariant = Impossible<(), Fails>;
    type SerializeMap = Impossible<(), Fails>;
    type SerializeStruct = Fields;
    type SerializeStructVariant = Impossible<(), Fails>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields, Fails> {
        Ok(Fields {
            table: self.0,
            given: 0,
        })
    }

    refuse! {
        serialize_bool(bool) -> (); serialize_i8(i8) -> (); serialize_i16(i16) -> ();
        serialize_i32(i32) -> (); serialize_i64(i64) -> (); serialize_u8(u8) -> ();
        serialize_u16(u16) -> (); serialize_u32(u32) -> (); serialize_u64(u64) -> ();
        serialize_f32(f32) -> (); serialize_f64(f64) -> (); serialize_char(char) -> ();
        serialize_str(&str) -> (); serialize_bytes(&[u8]) -> (); serialize_none() -> ();
        serialize_unit() -> (); serialize_unit_struct(&'static str) -> ();
        serialize_unit_variant(&'static str, u32, &'static str) -> ();
        serialize_seq(Option<usize>) -> Impossible<(), Fails>;
        serialize_tuple(usize) -> Impossible<(), Fails>;
        serialize_tuple_struct(&'static str, usize) -> Impossible<(), Fails>;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Impossible<(), Fails>;
        serialize_map(Option<usize>) -> Impossible<(), Fails>;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Impossible<(), Fails>;
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), Fails> {
        Err(Fails)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), Fails> {
        Err(Fails)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Fails> {
        Err(Fails)
    }
}

/// The fields of the object seen so far; `given`: bit `i` for `table.fields[i]`.
struct Fields {
    table: &'static Table,
    given: u64,
}

impl Fields {
    fn given(&self, name: &str) -> bool {
        let at = self.table.fields.iter().position(|f| f.name == name);
        at.is_some_and(|at| self.given & (1 << at) != 0)
    }
}

impl ser::SerializeStruct for Fields {
    type Ok = ();
    type Error = Fails;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Fails> {
        let at = self.table.fields.iter().position(|f| f.name == name);
        // At most 64 fields to an object (the largest table has 15).
        let at = at.filter(|&at| at < 64).ok_or(Fails)?;
        if value.serialize(Value(self.table.fields[at].ty))? {
            self.given |= 1 << at;
        }
        Ok(())
    }

    fn end(self) -> Result<(), Fails> {
        let table = self.table;
        let one_of = table
            .one_of
            .iter()
            .all(|[a, b]| self.given(a) != self.given(b));
        let any_of = table.any_of.is_empty() || table.any_of.iter().any(|k| self.given(k));
        if one_of && any_of { Ok(()) } else { Err(Fails) }
    }
}
