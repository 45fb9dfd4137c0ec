package zhibu.core;

/** One sentence of a clause or case: its place in the unit's text ({@code start} inclusive, {@code end} exclusive). */
public record Sentence(int index, int start, int end, String text) {
}
