package zhibu.packs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import zhibu.answer.Bands;
import zhibu.core.Case;
import zhibu.core.Citation;
import zhibu.core.Clause;
import zhibu.core.DocumentMetadata;
import zhibu.library.Library;

/**
 * Items as a pack keeps them: a clause or case named by id gets its title, text and citation from the library;
 * an id the library does not know is refused, unless the pack already held it (its document since removed), in
 * which case the pack keeps what it had.
 */
public final class PackItems {
    private final Library library;

    public PackItems(Library library) {
        this.library = library;
    }

    /** The draft's items filled in; {@code before} is the pack's current items (none for a new pack). */
    public PackDraft resolve(PackDraft draft, List<PackItem> before) throws IOException {
        List<PackItem> out = new ArrayList<>();
        int n = 0;
        for (PackItem item : draft.items()) {
            n++;
            if (!item.type().cited()) {
                out.add(item);
                continue;
            }
            Optional<PackItem> found = item.type() == ItemType.CLAUSE ? clause(item.id()) : caseItem(item.id());
            if (found.isEmpty()) {
                found = before.stream().filter(b -> b.type() == item.type() && b.id().equals(item.id())).findFirst();
            }
            int number = n;
            out.add(found.orElseThrow(() -> PackDraft.invalid("第 " + number + " 项：没有编号为 " + item.id() + " 的"
                    + (item.type() == ItemType.CLAUSE ? "条文" : "案例") + "。")));
        }
        return draft.withItems(out);
    }

    public Optional<PackItem> clause(String id) throws IOException {
        Optional<Clause> clause = library.clause(id);
        return clause.isEmpty() ? Optional.empty() : Optional.of(of(clause.get()));
    }

    public PackItem of(Clause c) throws IOException {
        String docNumber = library.document(c.docId()).map(DocumentMetadata::docNumber).orElse(null);
        // a clause without its own heading (第一条) is named with its document, so a table of contents tells them apart
        String title = c.heading() != null && !c.heading().isBlank() ? c.heading()
                : c.path().isEmpty() ? c.docTitle() : "《" + c.docTitle() + "》" + c.path().get(c.path().size() - 1);
        return new PackItem(ItemType.CLAUSE, c.id(), title, c.text(), Citation.of(c.docTitle(), docNumber, c.path()),
                rows(ItemType.CLAUSE, c.text()));
    }

    public Optional<PackItem> caseItem(String id) throws IOException {
        Optional<Case> found = library.caseById(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Case c = found.get();
        String docTitle = library.document(c.docId()).map(DocumentMetadata::title).orElse(null);
        return Optional.of(new PackItem(ItemType.CASE, c.id(), c.title(), c.text(), Citation.of(c, docTitle), List.of()));
    }

    /** A clause listing bands has them as table rows. */
    static List<String> rows(ItemType type, String text) {
        return type == ItemType.CLAUSE && text != null ? Bands.rows(text) : List.of();
    }
}
