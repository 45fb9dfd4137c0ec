package zhibu.answer;

import java.util.List;

/**
 * A word of the question in all the forms that mean it (支委会, 支部委员会会议, 支部委员会), and its weight: how rare it
 * is in the documents (inverse document frequency), so the matter of a question (党员大会) outweighs its verbs (召开).
 */
public record Word(List<String> forms, double weight) {
    /** Whether a text contains the word in one of its forms (of two characters or more). */
    public boolean in(String text) {
        return forms.stream().anyMatch(f -> f.length() > 1 && text.contains(f));
    }
}
