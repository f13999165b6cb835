//! Writes a checked edition as a Rust constant expression, for `build.rs` to put into the
//! app as a `static`: the reader's wasm then carries neither the editions' JSON nor the
//! code that parses it (the serde derives of every content struct), nor code that builds
//! the edition at start, only the data itself.
//!
//! A serde serializer over the model's `Serialize` (derived for native builds only): a
//! struct becomes `hcnf_content::Name { field: value, … }`, a string
//! `hcnf_content::Text::Borrowed("…")`, a list `hcnf_content::List::Borrowed(&[…])`, a fixed
//! array `[…]`, an option `Some(…)` or `None`, and a tuple struct `hcnf_content::Name(…)`
//! (how [`crate::YearMonth`] names its constructor, a `const fn`).

use std::fmt::{self, Display, Write as _};

use serde::ser::{self, Serialize};

/// The Rust expression that builds `value`, with every type named under `hcnf_content::`.
pub fn to_rust<T: Serialize>(value: &T) -> Result<String, BakeError> {
    let mut out = String::new();
    value.serialize(Writer { out: &mut out })?;
    Ok(out)
}

/// A value the content model does not use, so the writer cannot say it in Rust.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {0} as Rust")]
pub struct BakeError(String);

impl ser::Error for BakeError {
    fn custom<T: Display>(msg: T) -> Self {
        BakeError(msg.to_string())
    }
}

const CRATE: &str = "hcnf_content";

struct Writer<'a> {
    out: &'a mut String,
}

/// The parts of a compound value, each written after `open` and closed by `close`.
struct Parts<'a> {
    out: &'a mut String,
    close: &'static str,
}

impl Parts<'_> {
    fn item<T: Serialize + ?Sized>(
        &mut self,
        label: Option<&str>,
        value: &T,
    ) -> Result<(), BakeError> {
        if let Some(label) = label {
            let _ = write!(self.out, "{label}: ");
        }
        value.serialize(Writer {
            out: &mut *self.out,
        })?;
        self.out.push_str(", ");
        Ok(())
    }

    fn finish(self) -> Result<(), BakeError> {
        self.out.push_str(self.close);
        Ok(())
    }
}

fn unsupported<T>(what: &str) -> Result<T, BakeError> {
    Err(BakeError(what.to_owned()))
}

impl<'a> Writer<'a> {
    fn literal(self, value: impl fmt::Debug) -> Result<(), BakeError> {
        let _ = write!(self.out, "{value:?}");
        Ok(())
    }

    /// `open`, the value, then `)`.
    fn wrap<T: Serialize + ?Sized>(self, open: &str, value: &T) -> Result<(), BakeError> {
        self.out.push_str(open);
        value.serialize(Writer {
            out: &mut *self.out,
        })?;
        self.out.push(')');
        Ok(())
    }

    fn open(self, open: &str, close: &'static str) -> Parts<'a> {
        self.out.push_str(open);
        Parts {
            out: self.out,
            close,
        }
    }
}

/// Numbers and characters are written as Rust writes them; the field's type fixes theirs.
macro_rules! literals {
    ($($method:ident: $ty:ty),* $(,)?) => {$(
        fn $method(self, v: $ty) -> Result<(), BakeError> {
            self.literal(v)
        }
    )*};
}

impl<'a> ser::Serializer for Writer<'a> {
    type Ok = ();
    type Error = BakeError;
    type SerializeSeq = Parts<'a>;
    type SerializeTuple = Parts<'a>;
    type SerializeTupleStruct = Parts<'a>;
    type SerializeTupleVariant = Parts<'a>;
    type SerializeMap = Parts<'a>;
    type SerializeStruct = Parts<'a>;
    type SerializeStructVariant = Parts<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), BakeError> {
        self.literal(v)
    }
    literals! {
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64,
        serialize_char: char,
    }
    fn serialize_f32(self, _: f32) -> Result<(), BakeError> {
        unsupported("a float")
    }
    fn serialize_f64(self, _: f64) -> Result<(), BakeError> {
        unsupported("a float")
    }
    fn serialize_str(self, v: &str) -> Result<(), BakeError> {
        // Debug quotes and escapes exactly as a Rust string literal needs.
        let _ = write!(self.out, "{CRATE}::Text::Borrowed({v:?})");
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), BakeError> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<(), BakeError> {
        self.out.push_str("None");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), BakeError> {
        self.wrap("Some(", value)
    }
    fn serialize_unit(self) -> Result<(), BakeError> {
        self.out.push_str("()");
        Ok(())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<(), BakeError> {
        let _ = write!(self.out, "{CRATE}::{name}");
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), BakeError> {
        let _ = write!(self.out, "{CRATE}::{name}::{variant}");
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), BakeError> {
        self.wrap(&format!("{CRATE}::{name}("), value)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), BakeError> {
        self.wrap(&format!("{CRATE}::{name}::{variant}("), value)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Parts<'a>, BakeError> {
        Ok(self.open(&format!("{CRATE}::List::Borrowed(&["), "])"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Parts<'a>, BakeError> {
        // Fixed-size arrays (`[String; 12]`) serialise as tuples.
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple_struct(self, name: &'static str, _: usize) -> Result<Parts<'a>, BakeError> {
        Ok(self.open(&format!("{CRATE}::{name}("), ")"))
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Parts<'a>, BakeError> {
        Ok(self.open(&format!("{CRATE}::{name}::{variant}("), ")"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Parts<'a>, BakeError> {
        unsupported("a map")
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Parts<'a>, BakeError> {
        Ok(self.open(&format!("{CRATE}::{name} {{ "), "}"))
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Parts<'a>, BakeError> {
        Ok(self.open(&format!("{CRATE}::{name}::{variant} {{ "), "}"))
    }
}

/// The compound serializers whose parts are unlabelled differ only in their method's name.
macro_rules! unlabelled {
    ($($trait:ident: $method:ident),* $(,)?) => {$(
        impl ser::$trait for Parts<'_> {
            type Ok = ();
            type Error = BakeError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), BakeError> {
                self.item(None, value)
            }
            fn end(self) -> Result<(), BakeError> {
                self.finish()
            }
        }
    )*};
}

unlabelled! {
    SerializeSeq: serialize_element,
    SerializeTuple: serialize_element,
    SerializeTupleStruct: serialize_field,
    SerializeTupleVariant: serialize_field,
}

/// Struct fields, and a struct-like variant's, are written `name: value`.
macro_rules! labelled {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Parts<'_> {
            type Ok = ();
            type Error = BakeError;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), BakeError> {
                self.item(Some(key), value)
            }
            fn end(self) -> Result<(), BakeError> {
                self.finish()
            }
        }
    )*};
}

labelled!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Parts<'_> {
    type Ok = ();
    type Error = BakeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), BakeError> {
        unsupported("a map")
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), BakeError> {
        unsupported("a map")
    }
    fn end(self) -> Result<(), BakeError> {
        unsupported("a map")
    }
}

#[cfg(test)]
mod tests;
