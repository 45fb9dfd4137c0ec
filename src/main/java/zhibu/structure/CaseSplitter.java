package zhibu.structure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zhibu.core.BranchType;
import zhibu.core.Case;
import zhibu.core.DocumentMetadata;
import zhibu.ingest.Paragraph;

/** An experience compilation cut into cases: each top-level heading after the compilation's own title starts one. */
public final class CaseSplitter {
    /** A named unit opening a sentence: "中央统战部深入…", "…有限公司（简称…）党委牢牢把握…". */
    private static final Pattern UNIT = Pattern.compile(
            "((?:中共|中国)?[\\p{IsHan}A-Za-z]{2,30}?(?:有限公司|股份公司|集团公司|公司|集团|大学|学院|学校|医院|中心|银行|研究院|研究所|[部委局厅办署]))"
                    + "(?:（简称[^）]{1,20}）)?(?:机关党委|党委|党组|党总支|党支部)?"
                    + "(?:深入|坚持|始终|牢牢|围绕|聚焦|认真|按照|以|把|积极|全面|通过|紧扣|立足|着力|注重|结合)");
    private static final Pattern UNNAMED = Pattern.compile("我|[Xx]{2}|[Xx]{1,3}[省市县区]|本");
    /** A sentence opening with a preposition or verb names no unit ("以标准化建设为抓手推动…"). */
    private static final String NOT_A_NAME_START = "以在把对从为按由将让使用要能加推强提坚围聚紧立着注结做抓切深全广各每该其";
    /** Names that end in a single character (部, 委, 局 …) are short: 中央统战部, 市委组织部. */
    private static final int MAX_SHORT_NAME = 8;
    private static final int MIN_TYPE_MENTIONS = 2;

    public List<Case> split(DocumentMetadata doc, List<Paragraph> paragraphs) {
        int top = paragraphs.stream().filter(Paragraph::isHeading).mapToInt(Paragraph::headingLevel).min().orElse(0);
        if (top == 0) {
            return List.of();
        }
        List<Case> cases = new ArrayList<>();
        boolean sawTitle = false;
        String title = null;
        List<String> body = new ArrayList<>();
        for (Paragraph p : paragraphs) {
            if (p.isHeading() && p.headingLevel() == top) {
                if (!sawTitle) {
                    sawTitle = true; // the compilation's own title
                    continue;
                }
                addCase(doc, title, body, cases);
                title = p.text();
                body = new ArrayList<>();
            } else if (title != null) {
                body.add(p.text());
            }
        }
        addCase(doc, title, body, cases);
        return cases;
    }

    private static void addCase(DocumentMetadata doc, String title, List<String> body, List<Case> cases) {
        if (title == null) {
            return;
        }
        String text = String.join("\n", body);
        String all = title + "\n" + text;
        cases.add(new Case(doc.id() + ".k" + (cases.size() + 1), doc.id(), title, text, unit(body),
                branchTypes(all), Topics.get().of(all)));
    }

    static String unit(List<String> body) {
        for (String paragraph : body) {
            for (String sentence : paragraph.split("[。，；]")) {
                Matcher m = UNIT.matcher(sentence);
                if (m.lookingAt() && isName(m.group(1))) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    private static boolean isName(String candidate) {
        boolean longSuffix = candidate.matches(".*(公司|集团|大学|学院|学校|医院|中心|银行|研究院|研究所)$");
        return !UNNAMED.matcher(candidate).find() && !candidate.endsWith("干部")
                && NOT_A_NAME_START.indexOf(candidate.charAt(0)) < 0
                && (longSuffix || candidate.length() <= MAX_SHORT_NAME);
    }

    /** The types the text speaks of repeatedly; a case about none in particular is for every type. */
    static List<String> branchTypes(String text) {
        Set<BranchType> types = EnumSet.noneOf(BranchType.class);
        for (BranchType t : BranchType.values()) {
            if (t.count(text) >= MIN_TYPE_MENTIONS) {
                types.add(t);
            }
        }
        if (types.isEmpty()) {
            types = EnumSet.allOf(BranchType.class);
        }
        return BranchType.labels(types);
    }
}
