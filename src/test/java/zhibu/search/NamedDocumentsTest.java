package zhibu.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import zhibu.testing.CorpusIndex;

/** The documents a question names, resolved against the titles of the bundled corpus. */
@Timeout(120)
class NamedDocumentsTest {
    private final NamedDocuments names = new NamedDocuments();

    private List<String> titles(String question) throws IOException {
        return CorpusIndex.shared().withSearcher(s -> names.in(s, question)).stream()
                .map(NamedDocuments.Named::title).toList();
    }

    @Test
    void aWordOfTheTitleBeforeItsKindNamesTheDocument() throws IOException {
        assertEquals(List.of("中国共产党党和国家机关基层组织工作条例"), titles("按机关条例，支部委员会任期几年"));
        assertEquals(List.of("关于中国共产党党费收缴、使用和管理的规定"), titles("党费规定里退休党员怎么交党费"));
        assertEquals(List.of("中国共产党党员教育管理工作条例"), titles("党员教育管理条例对党课有什么要求"));
        assertEquals(List.of("关于推进党支部“五化”建设的意见"), titles("五化意见里主题党日怎么过"));
        assertEquals(List.of("关于推进党支部标准化规范化建设的指导意见"), titles("西安的指导意见对换届提醒怎么说"));
    }

    @Test
    void aQuotedTitleNamesItsDocument() throws IOException {
        assertEquals(List.of("中国共产党党员教育管理工作条例"), titles("《中国共产党党员教育管理工作条例》规定党课多久一次"));
    }

    @Test
    void aDocumentTheIndexDoesNotHoldNamesNothing() throws IOException {
        // 工作 is in two bundled 条例's titles, but here it ends 党支部工作条例, which is not bundled
        assertEquals(List.of(), titles("党支部工作条例规定支委会任期几年"));
        assertEquals(List.of(), titles("《中国共产党章程》规定预备期多长"));
        assertEquals(List.of(), titles("按照有关规定党费怎么交"));
        assertEquals(List.of(), titles("党员大会多久开一次"));
        assertEquals(List.of(), titles("本条例规定的程序"));
        assertEquals(List.of(), titles("党员教育管理的规定有哪些")); // 管理的 is in the 党费规定's title
        assertEquals(List.of(), titles("党费使用有什么规定"));
    }
}
