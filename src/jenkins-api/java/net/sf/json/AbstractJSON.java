package net.sf.json;

// Compile-only stub (see src/jenkins-api/README.md).
abstract class AbstractJSON implements JSON {
}
