package zhibu.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuotationTest {
    @Test
    void shortQuestionsAreNotQuotations() {
        assertNull(Quotation.forQuestion("党员大会多久开一次"));
    }

    @Test
    void theSentenceABlankWasCutFromWinsOverOneWithTheWordsOnOneSide() {
        Quotation q = Quotation.forQuestion("党员每年集中学习培训时间一般不少于（）学时，党支部要做好记录。");
        float whole = q.blankShare(Quotation.fold("党员每年集中学习培训时间一般不少于32学时，党支部要做好记录。"));
        float leftOnly = q.blankShare(Quotation.fold("党员每年集中学习培训时间一般不少于规定要求。"));
        float none = q.blankShare(Quotation.fold("主题党日每月相对固定1天。"));
        assertEquals(1f, whole, 1e-6);
        assertTrue(leftOnly > none && leftOnly < whole / 2, leftOnly + " vs " + whole);
        assertEquals(0f, none, 1e-6);
        assertTrue(q.share(Quotation.fold("党员每年集中学习培训时间一般不少于32学时，党支部要做好记录。"))
                > q.share(Quotation.fold("党员每年集中学习培训时间一般不少于规定要求。")));
    }

    @Test
    void theAnswerMustFillTheGap() {
        Quotation q = Quotation.forQuestion("因工作需要，经上级党组织（  ），也可以设立党的总支部委员会。");
        float gapless = q.blankShare(Quotation.fold("因工作需要经上级党组织也可以设立党的总支部委员会"));
        float filled = q.blankShare(Quotation.fold("因工作需要经上级党组织批准也可以设立党的总支部委员会"));
        assertTrue(filled > gapless, filled + " vs " + gapless);
    }
}
