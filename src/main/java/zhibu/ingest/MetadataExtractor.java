package zhibu.ingest;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zhibu.core.BranchType;
import zhibu.core.DocumentKind;
import zhibu.core.DocumentMetadata;

/** Title, issuer, 文号, date, kind, region and branch types, read from a document's own text. */
public final class MetadataExtractor {
    /** How many leading paragraphs count as the document's head (header, title, addressee). */
    private static final int HEAD = 15;
    private static final Pattern DOC_NUMBER = Pattern.compile(
            "(\\p{IsHan}{1,12})\\s*[〔\\[［(（【]\\s*((?:19|20)\\d{2})\\s*[〕\\]］)）】]\\s*(\\d{1,4})\\s*号");
    private static final Pattern TRANSMITTAL = Pattern.compile("(?:印发|转发|颁发)\\s*《(.+?)》\\s*的\\s*通\\s*知");
    private static final Pattern ORGANIZATION = Pattern.compile(
            "^(中共|中国共产党)?\\p{IsHan}{2,30}(委员会|党委|党组|组织部|宣传部|工委|工作委员会|办公厅|办公室|委|部|厅|局|中央|政府)$");
    private static final Pattern FILE_HEADER = Pattern.compile("^(.{2,40}?)\\s*文\\s*件$");
    private static final Pattern DOC_TYPE_END = Pattern.compile(
            "(条例|规定|办法|细则|意见|通知|方案|章程|准则|决定|标准|提示|要点|计划|规则|纲要|合集|汇编|材料|制度|规范|指引|指南|清单|报告|通报|说明)[》]?$");
    private static final Pattern SECTION_NAME = Pattern.compile("^(第.+[章编])?\\s*(总则|附则|分则)$");
    private static final Pattern PUBLISHED_BY = Pattern.compile("(?:\\d{1,2}日)?(\\p{IsHan}{2,20}?)(?:发布|印发)");
    private static final Pattern EFFECTIVE = Pattern.compile("自\\s*(\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日)\\s*起\\s*施行");
    private static final Pattern EXPERIENCE_TITLE = Pattern.compile("经验|交流|案例|典型|做法");
    private static final Pattern ARTICLE = Pattern.compile("^第[一二三四五六七八九十百零〇\\d]+条(\\s|$)");
    private static final Pattern HAN_SPACE = Pattern.compile("(?<=[\\p{IsHan}“”《》（）])\\s+(?=[\\p{IsHan}“”《》（）])");

    public DocumentMetadata extract(NormalizedText text, MetadataHints hints, String fileName, String sha256) {
        List<String> paragraphs = text.paragraphs().stream().map(Paragraph::text).toList();
        String title = firstNonNull(hints.title(), title(text.paragraphs()), fileTitle(fileName));
        String issuer = firstNonNull(hints.issuer(), issuer(paragraphs));
        String date = firstNonNull(hints.date(), date(paragraphs, text.trailer()));
        DocumentKind kind = kind(title, paragraphs);
        return new DocumentMetadata(
                DocumentIds.forFile(fileName),
                cleanTitle(title),
                issuer,
                docNumber(paragraphs),
                date,
                kind,
                DocumentMetadata.CURRENT,
                zhibu.core.Divisions.get().ofIssuer(issuer, String.join("\n", head(paragraphs)))
                        .map(zhibu.core.Jurisdiction::label).orElse(null),
                branchTypes(title),
                fileName,
                sha256);
    }

    static String docNumber(List<String> paragraphs) {
        for (String p : head(paragraphs)) {
            Matcher m = DOC_NUMBER.matcher(p);
            if (p.length() <= 40 && m.find()) {
                String prefix = m.group(1).replaceFirst(".*文件", "");
                return prefix + "〔" + m.group(2) + "〕" + m.group(3) + "号";
            }
        }
        return null;
    }

    static String title(List<Paragraph> paragraphs) {
        List<String> texts = paragraphs.stream().map(Paragraph::text).toList();
        String transmitted = transmittedTitle(texts);
        if (transmitted != null) {
            return transmitted;
        }
        int limit = Math.min(paragraphs.size(), 8);
        for (int i = 0; i < limit; i++) {
            Paragraph p = paragraphs.get(i);
            if (p.isHeading()) {
                return p.text();
            }
            if (isHeaderLine(p.text())) {
                continue;
            }
            if (!isTitleLike(p.text())) {
                return null;
            }
            StringBuilder title = new StringBuilder(p.text());
            for (int j = i + 1; j < limit && !DOC_TYPE_END.matcher(title).find(); j++) {
                String next = paragraphs.get(j).text();
                if (!isTitleLike(next) || isHeaderLine(next)) {
                    break;
                }
                title.append(next);
            }
            return SECTION_NAME.matcher(title).matches() ? null : title.toString();
        }
        return null;
    }

    /** A notice that transmits a document (印发《…》的通知) is titled by the document it transmits. */
    private static String transmittedTitle(List<String> paragraphs) {
        List<String> head = head(paragraphs);
        for (int i = 0; i < head.size(); i++) {
            Matcher m = TRANSMITTAL.matcher(head.get(i));
            if (!m.find()) {
                continue;
            }
            for (int j = i + 1; j < Math.min(paragraphs.size(), i + 12); j++) {
                if (isStandaloneDate(paragraphs.get(j))) {
                    for (int k = j + 1; k < Math.min(paragraphs.size(), j + 3); k++) {
                        if (isTitleLike(paragraphs.get(k)) && !isHeaderLine(paragraphs.get(k))) {
                            return paragraphs.get(k);
                        }
                    }
                    break;
                }
            }
            return m.group(1);
        }
        return null;
    }

    static String issuer(List<String> paragraphs) {
        List<String> head = head(paragraphs);
        for (String p : head) {
            Matcher m = FILE_HEADER.matcher(p);
            if (m.matches()) {
                return m.group(1).strip();
            }
        }
        if (!head.isEmpty() && ORGANIZATION.matcher(head.get(0)).matches()) {
            return head.get(0);
        }
        for (int i = 1; i < paragraphs.size(); i++) {
            if (isStandaloneDate(paragraphs.get(i)) && ORGANIZATION.matcher(paragraphs.get(i - 1)).matches()) {
                return paragraphs.get(i - 1);
            }
        }
        for (String p : head.subList(0, Math.min(head.size(), 4))) {
            if (p.startsWith("（") || p.startsWith("(")) {
                Matcher m = PUBLISHED_BY.matcher(p);
                String last = null;
                while (m.find()) {
                    last = m.group(1);
                }
                if (last != null) {
                    return last;
                }
            }
        }
        return null;
    }

    static String date(List<String> paragraphs, List<String> trailer) {
        for (String p : paragraphs) {
            if (isStandaloneDate(p)) {
                return ChineseDates.find(p).orElse(null);
            }
        }
        for (String line : trailer) {
            Optional<String> d = ChineseDates.find(line);
            if (d.isPresent()) {
                return d.get();
            }
        }
        for (String p : head(paragraphs).subList(0, Math.min(paragraphs.size(), 4))) {
            if (p.startsWith("（") || p.startsWith("(")) {
                List<String> dates = ChineseDates.findAll(p);
                if (!dates.isEmpty()) {
                    return dates.get(dates.size() - 1); // the latest revision
                }
            }
        }
        for (String p : paragraphs) {
            Matcher m = EFFECTIVE.matcher(p);
            if (m.find()) {
                return ChineseDates.find(m.group(1)).orElse(null);
            }
        }
        return null;
    }

    static DocumentKind kind(String title, List<String> paragraphs) {
        if (title != null && EXPERIENCE_TITLE.matcher(title).find()) {
            return DocumentKind.EXPERIENCE;
        }
        long articles = paragraphs.stream().filter(p -> ARTICLE.matcher(p).find()).count();
        return articles >= 3 ? DocumentKind.REGULATION : DocumentKind.POLICY;
    }

    static List<String> branchTypes(String title) {
        Set<BranchType> types = title == null ? EnumSet.noneOf(BranchType.class) : BranchType.mentionedIn(title);
        if (types.isEmpty()) {
            types = EnumSet.allOf(BranchType.class);
        }
        return BranchType.labels(types);
    }


    private static boolean isStandaloneDate(String p) {
        return ChineseDates.FULL.matcher(p.strip()).matches();
    }

    /** Lines above a title: "X文件", a 文号, an issuer's name, a date. */
    private static boolean isHeaderLine(String p) {
        return FILE_HEADER.matcher(p).matches()
                || (DOC_NUMBER.matcher(p).find() && p.length() <= 40)
                || ORGANIZATION.matcher(p).matches()
                || isStandaloneDate(p);
    }

    private static boolean isTitleLike(String p) {
        String s = p.strip();
        return s.length() >= 4 && s.length() <= 80
                && !TextNormalizer.LABEL.matcher(s).find()
                && "。；：;:，,".indexOf(s.charAt(s.length() - 1)) < 0
                && !s.startsWith("（") && !s.startsWith("(")
                && !isStandaloneDate(s);
    }

    private static String fileTitle(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** Removes the spaces a layout puts between Chinese characters of a title. */
    public static String foldHanSpaces(String s) {
        return HAN_SPACE.matcher(s.strip()).replaceAll("");
    }

    static String cleanTitle(String title) {
        String t = foldHanSpaces(title);
        if (t.startsWith("《") && t.endsWith("》") && t.indexOf('《', 1) < 0) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    private static List<String> head(List<String> paragraphs) {
        return paragraphs.subList(0, Math.min(paragraphs.size(), HEAD));
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
