package zhibu.core;

import java.util.List;

/**
 * Where a rule binds, or where a branch is: the whole country, or a place given from its province down (湖南省,
 * 湖南省长沙市, 湖南省长沙市浏阳市). A rule binds a branch when the rule's place contains the branch's: a national rule
 * binds every branch, 湖南省's every branch in 湖南, 浏阳市's only those in 浏阳.
 */
public record Jurisdiction(List<String> places) {
    public static final Jurisdiction NATIONAL = new Jurisdiction(List.of());

    public Jurisdiction {
        places = List.copyOf(places);
    }

    public boolean national() {
        return places.isEmpty();
    }

    /** 全国, or the places joined as documents write them: 陕西省西安市. */
    public String label() {
        return national() ? Regions.NATIONAL : String.join("", places);
    }

    /** Whether a rule of this jurisdiction binds a branch in {@code place}: this place contains that one. */
    public boolean binds(Jurisdiction place) {
        return place.places.size() >= places.size() && place.places.subList(0, places.size()).equals(places);
    }

    @Override
    public String toString() {
        return label();
    }
}
