//! A field's value, checked against its type as `shape` checks it (`Value`), for
//! `field_check`.

use super::Fails;
use crate::rules::fields::Ty;
use crate::rules::shape::string_problem;
use serde::ser::{self, Impossible, Serialize, Serializer};

/// A field's value, checked against its type; `Ok(given)`. Lists and objects serde has
/// already read in full (their entries are checked as objects of their own).
pub(super) struct Value(pub(super) Ty);

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
pub(super) struct Read;

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
