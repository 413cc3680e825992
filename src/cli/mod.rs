//! The command line: the contract other tools and tests rely on. (Stub.)
