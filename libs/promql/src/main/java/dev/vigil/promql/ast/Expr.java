package dev.vigil.promql.ast;

/** A node of a parsed PromQL expression; {@code pos} is the offset of its first character in the query. */
public sealed interface Expr
    permits NumberLiteral,
        StringLiteral,
        VectorSelector,
        MatrixSelector,
        Subquery,
        Paren,
        Unary,
        Binary,
        Aggregate,
        Call {

  ValueType type();

  int pos();
}
