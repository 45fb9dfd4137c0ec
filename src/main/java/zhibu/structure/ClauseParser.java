package zhibu.structure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zhibu.core.BranchType;
import zhibu.core.Clause;
import zhibu.core.DocumentMetadata;
import zhibu.ingest.MetadataExtractor;
import zhibu.ingest.Paragraph;

/**
 * Cuts a document into its numbering hierarchy (附件, 第X章, 第X条, 一、, （一）, 1., （1）, ——, Markdown headings)
 * and returns every node that has text as a clause, in document order.
 */
public final class ClauseParser {
    /** Longest clause text, unless a single source paragraph is longer. */
    public static final int MAX_CLAUSE_CHARS = 1000;
    private static final Pattern ATTACHMENT_LIST = Pattern.compile("^附\\s*件\\s*[:：]");
    private static final Pattern INLINE_LABEL = Pattern.compile(
            "(?<=[。；：;:])\\s*([（(](\\d{1,2}|[一二三四五六七八九十]{1,3})[）)])");
    private static final String HEADING_BREAKERS = "，；：,;:";
    private static final Pattern SENTENCE = Pattern.compile("[^。\\n]+(。|$)");

    /** A node of the clause tree while it is being built. */
    private static final class Node {
        final LabelKind kind;
        final int rank;
        final String number;
        final int ordinal;
        final List<String> paragraphs = new ArrayList<>();
        final List<Node> children = new ArrayList<>();
        Node parent;
        String heading;
        String text;
        Set<BranchType> types;

        Node(LabelKind kind, int rank, String number, int ordinal) {
            this.kind = kind;
            this.rank = rank;
            this.number = number;
            this.ordinal = ordinal;
        }

        Node add(Node child) {
            child.parent = this;
            children.add(child);
            return child;
        }
    }

    public List<Clause> parse(DocumentMetadata doc, List<Paragraph> paragraphs) {
        Node root = new Node(null, -1, "", 0);
        build(root, doc, paragraphs);
        Set<BranchType> scope = EnumSet.noneOf(BranchType.class);
        for (String label : doc.branchTypes()) {
            BranchType.fromLabel(label).ifPresent(scope::add);
        }
        if (scope.isEmpty()) {
            scope = EnumSet.allOf(BranchType.class);
        }
        if (!root.paragraphs.isEmpty()) {
            Node preamble = new Node(LabelKind.PREAMBLE, LabelKind.PREAMBLE.rank(), "", 0);
            preamble.paragraphs.addAll(root.paragraphs);
            preamble.heading = "导语";
            root.children.add(0, preamble);
            preamble.parent = root;
        }
        finish(root, scope);
        List<Clause> clauses = new ArrayList<>();
        assign(root, doc, List.of(), doc.id(), clauses, new HashMap<>());
        return link(clauses);
    }

    private static void build(Node root, DocumentMetadata doc, List<Paragraph> paragraphs) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph p = paragraphs.get(i);
            String text = p.text();
            if (p.isHeading()) {
                if (i == 0 || MetadataExtractor.foldHanSpaces(text).equals(doc.title())) {
                    continue; // the document's own title
                }
                Optional<Label> inner = Label.parse(text);
                popTo(stack, p.headingLevel());
                Node node = new Node(LabelKind.MARKDOWN, p.headingLevel(), inner.map(Label::printed).orElse(""),
                        inner.map(Label::ordinal).orElse(0));
                node.heading = inner.map(Label::rest).orElse(text);
                stack.push(stack.peek().add(node));
                continue;
            }
            Optional<Label> label = Label.parse(text);
            if (label.isPresent() && label.get().kind() == LabelKind.ATTACHMENT) {
                popTo(stack, LabelKind.ATTACHMENT.rank());
                Node node = new Node(LabelKind.ATTACHMENT, 0, label.get().printed(), label.get().ordinal());
                if (i + 1 < paragraphs.size() && isTitleLike(paragraphs.get(i + 1).text())) {
                    node.heading = MetadataExtractor.foldHanSpaces(paragraphs.get(++i).text());
                }
                stack.push(root.add(node));
            } else if (ATTACHMENT_LIST.matcher(text).find()) {
                StringBuilder list = new StringBuilder(text);
                while (i + 1 < paragraphs.size() && isListedTitle(paragraphs.get(i + 1).text())) {
                    list.append(' ').append(paragraphs.get(++i).text());
                }
                stack.peek().paragraphs.add(list.toString());
            } else if (label.isPresent() && !repeatsEarlierNumber(stack, label.get())) {
                Label l = label.get();
                popTo(stack, l.kind().rank());
                Node node = stack.peek().add(new Node(l.kind(), l.kind().rank(), l.printed(), l.ordinal()));
                stack.push(node);
                splitInline(stack, node, l.rest(), true);
            } else if (isUnnumberedHeading(paragraphs, i)) {
                popTo(stack, LabelKind.UNNUMBERED.rank());
                Node node = new Node(LabelKind.UNNUMBERED, LabelKind.UNNUMBERED.rank(), "", 0);
                node.heading = text;
                stack.push(stack.peek().add(node));
            } else {
                splitInline(stack, stack.peek(), text, false);
            }
        }
    }

    private static void popTo(Deque<Node> stack, int rank) {
        while (stack.peek().rank >= rank) {
            stack.pop();
        }
    }

    /** A "2." after "5." in the same list is a line of text (an attachment list, a quotation), not a new item. */
    private static boolean repeatsEarlierNumber(Deque<Node> stack, Label label) {
        if (label.ordinal() <= 1) {
            return false;
        }
        for (Node open : stack) {
            if (open.rank < label.kind().rank()) {
                for (Node sibling : open.children) {
                    if (sibling.kind == label.kind() && sibling.ordinal >= label.ordinal()) {
                        return true;
                    }
                }
                return false;
            }
            if (open.kind == label.kind() && open.ordinal >= label.ordinal()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Text with sub-items printed inline ("…体系。（1）明确设置标准。…（2）…") becomes the node's own text up to the
     * first sub-item, and one node per sub-item: children of the node, or its siblings when the node is itself
     * such a sub-item ("（1）…。（2）…"). The numbers must run on (1, 2, 3 …) for the split to happen.
     */
    private static void splitInline(Deque<Node> stack, Node node, String text, boolean isLead) {
        boolean siblings = isLead && (node.kind == LabelKind.ARABIC_PAREN || node.kind == LabelKind.CN_PAREN);
        List<int[]> cuts = inlineCuts(text, siblings ? node.ordinal + 1 : 1, siblings ? node.kind : null, node.rank, siblings);
        if (siblings && cuts.isEmpty()) {
            siblings = false;
            cuts = inlineCuts(text, 1, null, node.rank, false);
        }
        String own = cuts.isEmpty() ? text : text.substring(0, cuts.get(0)[0]).strip();
        if (isLead) {
            node.paragraphs.add(0, own); // the label line's own text leads
        } else if (!own.isEmpty()) {
            node.paragraphs.add(own);
        }
        Node parent = siblings ? node.parent : node;
        for (int c = 0; c < cuts.size(); c++) {
            int end = c + 1 < cuts.size() ? cuts.get(c + 1)[0] : text.length();
            LabelKind kind = cuts.get(c)[3] == 1 ? LabelKind.ARABIC_PAREN : LabelKind.CN_PAREN;
            String printed = text.substring(cuts.get(c)[0], cuts.get(c)[1]);
            Node item = parent.add(new Node(kind, kind.rank(), printed, cuts.get(c)[2]));
            item.paragraphs.add(text.substring(cuts.get(c)[1], end).strip());
            if (c == cuts.size() - 1) {
                while (stack.peek() != parent && stack.peek().rank >= kind.rank()) {
                    stack.pop();
                }
                stack.push(item);
            }
        }
    }

    /** Where inline labels numbered {@code from}, from+1 … start and end: {start, end, number, arabic ? 1 : 0}. */
    private static List<int[]> inlineCuts(String text, int from, LabelKind only, int outerRank, boolean sameLevel) {
        List<int[]> cuts = new ArrayList<>();
        Matcher m = INLINE_LABEL.matcher(text);
        int expected = from;
        LabelKind kind = only;
        while (m.find()) {
            LabelKind k = Character.isDigit(m.group(2).charAt(0)) ? LabelKind.ARABIC_PAREN : LabelKind.CN_PAREN;
            int n = Label.number(m.group(2));
            boolean level = sameLevel ? k == kind : k.rank() > outerRank && (kind == null || kind == k);
            if (n == expected && level) {
                cuts.add(new int[] {m.start(1), m.end(1), n, k == LabelKind.ARABIC_PAREN ? 1 : 0});
                kind = k;
                expected++;
            }
        }
        return cuts;
    }

    /** A short line right before a 第X条 article that names the articles after it ("比例", "特殊党费"). */
    private static boolean isUnnumberedHeading(List<Paragraph> paragraphs, int i) {
        String text = paragraphs.get(i).text();
        return text.length() <= 15 && text.chars().noneMatch(c -> "。，；：、,;:".indexOf(c) >= 0)
                && i + 1 < paragraphs.size()
                && Label.parse(paragraphs.get(i + 1).text()).map(l -> l.kind() == LabelKind.ARTICLE).orElse(false);
    }

    private static boolean isTitleLike(String text) {
        return text.length() <= 60 && Label.parse(text).isEmpty() && !text.endsWith("。") && !text.contains("，");
    }

    private static boolean isListedTitle(String text) {
        return Label.parse(text).map(l -> l.kind() == LabelKind.ARABIC).orElse(false)
                && text.length() <= 60 && text.chars().noneMatch(c -> "。，；".indexOf(c) >= 0);
    }

    /** Headings, texts and branch types, from the root down; splits text addressed to several branch types. */
    private static void finish(Node node, Set<BranchType> scope) {
        for (Node child : List.copyOf(node.children)) {
            describe(child);
            child.types = narrow(scope, child);
            splitTyped(child);
            splitLong(child);
            finish(child, child.types);
        }
    }

    private static void describe(Node node) {
        List<String> own = node.paragraphs.stream().filter(s -> !s.isBlank()).toList();
        if (node.kind == LabelKind.TYPED || node.kind == LabelKind.PARAGRAPH) {
            node.text = String.join("\n", own);
            return;
        }
        if (node.heading != null) { // attachments, Markdown headings, unnumbered headings, the preamble
            node.text = own.isEmpty() ? node.heading : String.join("\n", own);
            return;
        }
        String lead = own.isEmpty() ? "" : own.get(0);
        boolean labelLineIsHeadingOnly = !lead.contains("。") && lead.length() <= 40
                && lead.chars().noneMatch(c -> HEADING_BREAKERS.indexOf(c) >= 0) && !lead.isEmpty();
        if (labelLineIsHeadingOnly) {
            node.heading = lead;
            List<String> body = own.subList(1, own.size());
            node.text = body.isEmpty() ? lead : String.join("\n", body);
        } else {
            int stop = lead.indexOf('。');
            String first = stop < 0 ? lead : lead.substring(0, stop);
            node.heading = node.kind != LabelKind.ARTICLE && first.length() <= 30 && !first.isEmpty()
                    && first.chars().noneMatch(c -> HEADING_BREAKERS.indexOf(c) >= 0) ? first : null;
            node.text = String.join("\n", own);
        }
    }

    /** The parent's branch types, narrowed to those the clause's heading or opening words address. */
    private static Set<BranchType> narrow(Set<BranchType> scope, Node node) {
        Set<BranchType> addressed = EnumSet.noneOf(BranchType.class);
        if (node.heading != null) {
            addressed.addAll(BranchType.mentionedIn(node.heading));
        }
        if (node.kind != LabelKind.ATTACHMENT && node.kind != LabelKind.PREAMBLE && node.text != null) {
            String body = node.text;
            if (node.heading != null && body.startsWith(node.heading)) {
                body = body.substring(node.heading.length()).replaceFirst("^[。\\s]+", "");
            }
            if (BranchType.mentionedIn(node.text).size() <= 2) { // a clause that goes through many types is for all
                addressed.addAll(BranchType.mentionedIn(opening(body)));
            }
        }
        Set<BranchType> narrowed = EnumSet.copyOf(scope);
        narrowed.retainAll(addressed);
        return narrowed.isEmpty() ? scope : narrowed;
    }

    private static String opening(String sentence) {
        String s = sentence.replaceFirst("^[“”\"\\s]+", "");
        return s.substring(0, Math.min(s.length(), 12));
    }

    /**
     * A clause whose sentences address different branch types one after another (机关党支部的活动经费…。
     * 高等学校党支部按照…。) keeps its opening and gets one child per addressed run of sentences.
     */
    private static void splitTyped(Node node) {
        if (node.kind == LabelKind.TYPED || node.text == null) {
            return;
        }
        List<String> sentences = new ArrayList<>();
        Matcher m = SENTENCE.matcher(node.text);
        while (m.find()) {
            if (!m.group().isBlank()) {
                sentences.add(m.group().strip());
            }
        }
        List<Set<BranchType>> led = new ArrayList<>();
        for (String sentence : sentences) {
            Set<BranchType> addressed = BranchType.mentionedIn(opening(sentence));
            addressed.retainAll(node.types);
            led.add(addressed.equals(node.types) ? EnumSet.noneOf(BranchType.class) : addressed);
        }
        Set<Set<BranchType>> distinct = new LinkedHashSet<>(led);
        distinct.remove(EnumSet.noneOf(BranchType.class));
        if (distinct.size() < 2) {
            return;
        }
        int first = 0;
        while (led.get(first).isEmpty()) {
            first++;
        }
        if (first == 0) {
            return; // nothing would be left of the clause itself
        }
        node.text = String.join("", sentences.subList(0, first));
        Node current = null;
        for (int s = first; s < sentences.size(); s++) {
            if (!led.get(s).isEmpty()) {
                current = node.add(new Node(LabelKind.TYPED, LabelKind.TYPED.rank(), "", 0));
                current.types = EnumSet.copyOf(led.get(s));
                current.text = "";
            }
            current.text += sentences.get(s);
        }
        for (Node child : node.children) {
            if (child.kind == LabelKind.TYPED) {
                child.paragraphs.add(child.text);
            }
        }
    }

    /** Text past the length limit moves, paragraph by paragraph, into continuation clauses. */
    private static void splitLong(Node node) {
        if (node.text == null || node.text.length() <= MAX_CLAUSE_CHARS || !node.text.contains("\n")) {
            return;
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String para : node.text.split("\n")) {
            if (chunk.length() > 0 && chunk.length() + 1 + para.length() > MAX_CLAUSE_CHARS) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
            chunk.append(chunk.length() > 0 ? "\n" : "").append(para);
        }
        chunks.add(chunk.toString());
        node.text = chunks.get(0);
        for (int c = 1; c < chunks.size(); c++) {
            Node more = new Node(LabelKind.PARAGRAPH, LabelKind.PARAGRAPH.rank(), "", c + 1);
            more.paragraphs.add(chunks.get(c));
            more.parent = node;
            node.children.add(c - 1, more);
        }
    }

    private static void assign(Node node, DocumentMetadata doc, List<String> path, String parentId,
                               List<Clause> out, Map<String, Integer> seen) {
        Map<LabelKind, Integer> counts = new HashMap<>();
        for (Node child : node.children) {
            int nth = counts.merge(child.kind, 1, Integer::sum);
            String token = child.kind.token() + (child.kind == LabelKind.PREAMBLE ? "" : child.ordinal > 0 ? child.ordinal : nth);
            String id = parentId + "." + token;
            int dup = seen.merge(id, 1, Integer::sum);
            if (dup > 1) {
                id = id + "-" + dup;
            }
            List<String> childPath = new ArrayList<>(path);
            childPath.add(pathElement(child));
            if (child.text != null && !child.text.isBlank()) {
                out.add(new Clause(id, doc.id(), doc.title(), child.number, child.heading, childPath, child.text,
                        node.kind == null ? null : parentId, null, null, BranchType.labels(child.types)));
            }
            assign(child, doc, childPath, id, out, seen);
        }
    }

    private static String pathElement(Node node) {
        return switch (node.kind) {
            case TYPED -> String.join("、", BranchType.labels(node.types));
            case PARAGRAPH -> "第" + node.ordinal + "段";
            case PREAMBLE -> node.heading;
            default -> {
                if (node.heading == null) {
                    yield node.number;
                }
                if (node.number.isEmpty()) {
                    yield node.heading;
                }
                boolean spaced = node.number.matches(".*[.．章节条]$") || node.kind == LabelKind.ATTACHMENT;
                yield node.number + (spaced ? " " : "") + node.heading;
            }
        };
    }

    private static List<Clause> link(List<Clause> clauses) {
        List<Clause> linked = new ArrayList<>(clauses.size());
        for (int i = 0; i < clauses.size(); i++) {
            Clause c = clauses.get(i);
            linked.add(new Clause(c.id(), c.docId(), c.docTitle(), c.number(), c.heading(), c.path(), c.text(),
                    c.parentId(), i > 0 ? clauses.get(i - 1).id() : null,
                    i + 1 < clauses.size() ? clauses.get(i + 1).id() : null, c.branchTypes()));
        }
        return linked;
    }
}
