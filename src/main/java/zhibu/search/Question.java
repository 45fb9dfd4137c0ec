package zhibu.search;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zhibu.analysis.QuestionWords;
import zhibu.core.BranchType;
import zhibu.core.Regions;
import zhibu.vectors.Vectors;

/**
 * One question, analysed once per request and used by every view, the highlighter, the facets and the answer:
 * the text as asked; its words for the lexical views (places taken out: they steer instead; 三个人 said as the rules
 * say it, 3人); the places, branch types and numbers it names; whether it asks how often or how much; what a long,
 * quoted or fill-in question's wording is (null for a short one); its vector for the semantic views (null when
 * vectors are off); and its words as the query analyzer makes them ({@link QueryTokens}), analysed once for every
 * view, field, highlight and the answer card.
 */
public record Question(String text, String words, List<String> places, Set<BranchType> branchTypes,
                       Set<QuestionWords.Intent> intents, List<Double> numbers, Quotation quotation, float[] vector,
                       QueryTokens tokens) {
    private static final Pattern VILLAGE = Pattern.compile("村(?!委会|民委员会)");
    private static final Pattern CAMPUS = Pattern.compile("学生|教职工|院系|二级学院");
    /** 三个人 is how people say 3人: the classifier goes so the count meets the rules' wording. */
    private static final Pattern COUNT_OF_PEOPLE = Pattern.compile("(\\d+|[一二两三四五六七八九十]+)个人");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    /** The question without a vector, its words analysed as HanLP's query analyzer makes them. */
    public static Question of(String question) {
        return of(question, Vectors.off(), zhibu.analysis.AnalyzerChoice.HANLP.queryAnalyzer());
    }

    /** The question, its vector made by {@code vectors} (when on) and its words analysed by {@code analyzer}. */
    public static Question of(String question, Vectors vectors, org.apache.lucene.analysis.Analyzer analyzer) {
        String q = question == null ? "" : question.strip();
        List<String> places = Regions.get().mentionedIn(q);
        String words = q;
        for (String place : places) {
            words = words.replace(place, " ");
        }
        Set<BranchType> types = EnumSet.noneOf(BranchType.class);
        types.addAll(BranchType.mentionedIn(q));
        if (VILLAGE.matcher(q).find()) {
            types.add(BranchType.农村);
        }
        if (CAMPUS.matcher(q).find() && !q.contains("中小学")) {
            types.add(BranchType.高校);
        }
        words = COUNT_OF_PEOPLE.matcher(words).replaceAll("$1人");
        if (words.isBlank()) { // a question that is only a place name still searches for it
            words = q;
        }
        List<Double> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(q);
        while (m.find()) {
            numbers.add(Double.parseDouble(m.group()));
        }
        float[] vector = vectors.enabled() && !q.isEmpty() ? vectors.question(q) : null;
        String searched = words.strip();
        return new Question(q, searched, places, types, QuestionWords.get().intentsOf(q), List.copyOf(numbers),
                Quotation.forQuestion(q), vector, QueryTokens.of(analyzer, searched));
    }

    /**
     * The question with the words of these mentions (a document it names: 党员教育管理条例) taken out of its
     * lexical words, as places are: they steer instead of being searched for.
     */
    public Question without(java.util.Collection<String> mentions) {
        String rest = words;
        for (String mention : mentions) {
            rest = rest.replace(mention, " ");
        }
        if (rest.isBlank() || rest.equals(words)) {
            return this;
        }
        String searched = rest.strip();
        return new Question(text, searched, places, branchTypes, intents, numbers, quotation, vector,
                QueryTokens.of(tokens.analyzer(), searched));
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
