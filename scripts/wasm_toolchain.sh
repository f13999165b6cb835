# Sourced by setup.sh and build.sh, which must agree on it.
#   wasm_toolchain_of ROOT
# prints the compiler that builds the release wasm, as ROOT/Cargo.toml names it
# (package.metadata.hcnf, wasm-toolchain); nothing when it names none.
wasm_toolchain_of() {
  sed -n 's/^wasm-toolchain = "\(.*\)"/\1/p;T;q' "$1/Cargo.toml"
}
