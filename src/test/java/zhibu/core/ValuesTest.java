package zhibu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void articleNumbersAreWrittenAsTheyAreReadBack() {
        assertEquals("一", ChineseNumbers.format(1));
        assertEquals("十", ChineseNumbers.format(10));
        assertEquals("十二", ChineseNumbers.format(12));
        assertEquals("二十", ChineseNumbers.format(20));
        assertEquals("一百零五", ChineseNumbers.format(105));
        assertEquals("一千零一十", ChineseNumbers.format(1010));
        for (int n = 1; n < 10_000; n++) {
            assertEquals(String.valueOf(n), ChineseNumbers.toDigits(ChineseNumbers.format(n)), "n = " + n);
        }
    }

    @Test
    void aRuleReadsTheSameWithoutItsPlaces() {
        Regions regions = Regions.get();
        assertEquals("全市党支部报委组织部备案", regions.withoutPlaces("全市党支部报苏州市委组织部备案"));
        assertEquals(regions.withoutPlaces("湖南省各党支部每季度召开1次党员大会"),
                regions.withoutPlaces("吉林省各党支部每季度召开1次党员大会"));
        assertEquals("党员大会每季度召开1次", regions.withoutPlaces("党员大会每季度召开1次"));
    }

    @Test
    void aValueIsReadFromWordsOfTheTextAsWritten() {
        String text = "讲党课每半年至少一次，支部委员会会议一般每月召开十二次";
        Values.Found lectures = Values.findFrequency(Values.foldCounts(text));
        assertEquals("每半年1次", lectures.label());
        assertEquals("每半年至少一次", Values.literal(text, lectures));
        String rest = text.substring(text.indexOf('，') + 1);
        Values.Found meetings = Values.findFrequency(Values.foldCounts(rest));
        assertEquals("每月召开十二次", Values.literal(rest, meetings));
        String digits = "党员大会一般每季度召开1次";
        assertEquals("每季度召开1次", Values.literal(digits, Values.findFrequency(Values.foldCounts(digits))));
    }

    @Test
    void frequenciesAndTheirLabels() {
        assertEquals("每季度1次", Values.findFrequency("党支部党员大会一般每季度召开1次").label());
        assertEquals("每月1次", Values.findFrequency("每月相对固定1天").label());
        assertEquals(new Frequency(Period.HALF_YEAR, 1), Values.frequency(Values.foldCounts("讲党课每半年至少一次")));
        assertNull(Values.findFrequency("三会一课"));
    }

    @Test
    void quantitiesWithTheirComparatorAndRanges() {
        assertEquals("不少于32学时", Values.findQuantity("党员每年集中学习培训时间一般不少于32学时", false).label());
        assertEquals("提前3个月", Values.findQuantity("一般应提前3个月书面发函提醒", false).label());
        Values.Found range = Values.findQuantity("农民党员每月交纳党费0.2元－1元", false);
        assertEquals("0.2元－1元", range.label());
        assertEquals(1.0, range.quantity().upTo());
        assertNull(Values.findQuantity("力争到2021年6月", false), "a year of the calendar is no quantity");
        assertNull(Values.findQuantity("达到90%以上", false), "a rate only when rates count");
        assertEquals("1.5%", Values.findQuantity("交纳1.5%", true).label());
    }

    @Test
    void theStricterOfTwoValues() {
        Values.Found quarterly = Values.findFrequency("每季度安排1次");
        Values.Found halfYearly = Values.findFrequency("每半年至少1次");
        assertTrue(quarterly.stricterThan(halfYearly));
        Values.Found six = Values.findQuantity("提前6个月提醒", false);
        Values.Found three = Values.findQuantity("提前3个月提醒", false);
        assertTrue(six.stricterThan(three) && six.comparable(three));
        assertTrue(!six.comparable(Values.findQuantity("不少于200元", false)));
    }
}
