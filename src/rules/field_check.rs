//! Checks one object of a plan against its table (`fields`) as serde writes it out: each field
//! given against its type, as `shape` checks a file's value, and the groups of which exactly
//! one (`one_of`) or at least one (`any_of`) must be given.
//!
//! The fields are read through the struct's own `Serialize`, so a field added to a struct
//! and to its table is checked here with no change to this module; a field a struct writes
//! that its table does not know fails the check (and the file goes to the full checker).

use super::fields::{Table, Ty};
use super::shape::string_problem;
use serde::ser::{self, Impossible, Serialize, Serializer};
use std::fmt;

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

/// A field's value, checked against its type; `Ok(given)`. Lists and objects serde has
/// already read in full (their entries are checked as objects of their own).
struct Value(Ty);

impl Value {
    fn int(self, n: Option<i64>) -> Result<bool, Fails> {
        match (self.0, n) {
            (Ty::Int { min, max, .. }, Some(n)) if (min..=max).contains(&n) => Ok(true),
            _ => Err(Fails),
        }
    }
}

impl Serializer for Value {
    type Ok = bool;
    type Error = Fails;
    type SerializeSeq = Read;
    type SerializeTuple = Read;
    type SerializeTupleStruct = Read;
    type SerializeTupleVariant = Impossible<bool, Fails>;
    type SerializeMap = Read;
    type SerializeStruct = Read;
    type SerializeStructVariant = Impossible<bool, Fails>;

    fn serialize_bool(self, _: bool) -> Result<bool, Fails> {
        match self.0 {
            Ty::Bool => Ok(true),
            _ => Err(Fails),
        }
    }
    fn serialize_i8(self, n: i8) -> Result<bool, Fails> {
        self.int(Some(n.into()))
    }
    fn serialize_i16(self, n: i16) -> Result<bool, Fails> {
        self.int(Some(n.into()))
    }
    fn serialize_i32(self, n: i32) -> Result<bool, Fails> {
        self.int(Some(n.into()))
    }
    fn serialize_i64(self, n: i64) -> Result<bool, Fails> {
        self.int(Some(n))
    }
    fn serialize_u8(self, n: u8) -> Result<bool, Fails> {
        self.int(Some(n.into()))
    }
    fn serialize_u16(self, n: u16) -> Result<bool, Fails> {
        self.int(Some(n.into()))
    }
    fn serialize_u32(self, n: u32) -> Result<bool, Fails> {
        self.int(Some(n.into()))
    }
    fn serialize_u64(self, n: u64) -> Result<bool, Fails> {
        self.int(i64::try_from(n).ok())
    }
    fn serialize_str(self, text: &str) -> Result<bool, Fails> {
        match self.0 {
            Ty::Int { .. } | Ty::Bool | Ty::Ids => Err(Fails),
            ty => string_problem(ty, text).map_or(Ok(true), |_| Err(Fails)),
        }
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        word: &'static str,
    ) -> Result<bool, Fails> {
        self.serialize_str(word)
    }
    /// Not given: serde writes a missing optional field this way unless it skips it.
    fn serialize_none(self) -> Result<bool, Fails> {
        Ok(false)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<bool, Fails> {
        value.serialize(self)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<bool, Fails> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<bool, Fails> {
        Err(Fails)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Read, Fails> {
        Ok(Read)
    }
    fn serialize_tuple(self, _: usize) -> Result<Read, Fails> {
        Ok(Read)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Read, Fails> {
        Ok(Read)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Read, Fails> {
        Ok(Read)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Read, Fails> {
        Ok(Read)
    }

    refuse! {
        serialize_f32(f32) -> bool; serialize_f64(f64) -> bool; serialize_char(char) -> bool;
        serialize_bytes(&[u8]) -> bool; serialize_unit() -> bool;
        serialize_unit_struct(&'static str) -> bool;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Impossible<bool, Fails>;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Impossible<bool, Fails>;
    }
}

/// A list or object given as a field's value: given, its contents not looked at here.
struct Read;

impl ser::SerializeSeq for Read {
    type Ok = bool;
    type Error = Fails;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, _: &T) -> Result<(), Fails> {
        Ok(())
    }
    fn end(self) -> Result<bool, Fails> {
        Ok(true)
    }
}

impl ser::SerializeTuple for Read {
    type Ok = bool;
    type Error = Fails;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, _: &T) -> Result<(), Fails> {
        Ok(())
    }
    fn end(self) -> Result<bool, Fails> {
        Ok(true)
    }
}

impl ser::SerializeTupleStruct for Read {
    type Ok = bool;
    type Error = Fails;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, _: &T) -> Result<(), Fails> {
        Ok(())
    }
    fn end(self) -> Result<bool, Fails> {
        Ok(true)
    }
}

impl ser::SerializeMap for Read {
    type Ok = bool;
    type Error = Fails;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, _: &T) -> Result<(), Fails> {
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, _: &T) -> Result<(), Fails> {
        Ok(())
    }
    fn end(self) -> Result<bool, Fails> {
        Ok(true)
    }
}

impl ser::SerializeStruct for Read {
    type Ok = bool;
    type Error = Fails;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        _: &'static str,
        _: &T,
    ) -> Result<(), Fails> {
        Ok(())
    }
    fn end(self) -> Result<bool, Fails> {
        Ok(true)
    }
}
