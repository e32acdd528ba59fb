package org.onestop.opendata.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.onestop.opendata.Licence;

/**
 * Which 120 datasets the demo set holds: dataset {@code n} is template {@code n % 14} in scope
 * {@code n / 14} (city-wide or a district; or a year). The first three are the city-wide ones
 * of the three busiest tables, each over a million rows.
 */
final class DemoPlan {

    static final int DATASETS = 120;
    static final long SEED = 20_261_126L;
    /** Rows of the three large datasets: 30 stations × 4 years of hours; 300 lines × 3,334 days; 1.2M companies. */
    static final long[] LARGE_ROWS = {1_051_200, 1_000_200, 1_200_000};

    /** One planned dataset. */
    record Planned(int ordinal, Template template, Scope scope, String name, String title, String departmentCode,
            Licence licence, Instant updatedAt, Instant createdAt, long seed) {

        boolean large() {
            return ordinal < LARGE_ROWS.length;
        }

        boolean json() {
            return scope.rows() <= 50_000 && ordinal % 3 == 0;
        }

        boolean xlsx() {
            return scope.rows() <= 20_000 && ordinal % 4 == 1;
        }

        boolean api() {
            return ordinal % 2 == 0;
        }

        /** The same dataset with at most {@code max} rows (tests need the catalogue, not the million rows). */
        Planned capped(long max) {
            return new Planned(ordinal, template, new Scope(scope.district(), scope.year(), Math.min(max, scope.rows())),
                    name, title, departmentCode, licence, updatedAt, createdAt, seed);
        }
    }

    private DemoPlan() {
    }

    static List<Planned> plan(Instant now, int count) {
        List<Planned> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            out.add(planned(n, now));
        }
        return out;
    }

    static Planned planned(int n, Instant now) {
        Template t = Templates.ALL.get(n % Templates.ALL.size());
        int variant = n / Templates.ALL.size();
        Scope scope;
        String suffix;
        String scopeTitle;
        String department = t.departmentCode();
        if (t.districtScoped()) {
            String district = variant == 0 ? null : Pools.DISTRICTS.get(variant - 1);
            long rows = n < LARGE_ROWS.length ? LARGE_ROWS[n] : t.smallRows() + (n * 131L % 500);
            scope = new Scope(district, 0, rows);
            suffix = variant == 0 ? "city" : Pools.DISTRICT_CODES.get(variant - 1).substring(2).toLowerCase(Locale.ROOT);
            scopeTitle = variant == 0 ? "全市" : district;
            if (variant % 2 == 1) {
                // Half the district datasets are published by the district government itself.
                department = Pools.DISTRICT_CODES.get(variant - 1);
            }
        } else if (n < LARGE_ROWS.length) {
            scope = new Scope(null, 0, LARGE_ROWS[n]);
            suffix = "2016-2025";
            scopeTitle = "2016—2025年";
        } else {
            int year = 2016 + variant;
            scope = new Scope(null, year, t.smallRows());
            suffix = String.valueOf(year);
            scopeTitle = year + "年";
        }
        Licence licence = n % 5 == 3 ? Licence.CC0 : n % 7 == 4 ? Licence.ODBL : Licence.CC_BY_4;
        Instant updated = now.minus(Duration.ofDays(n * 37L % 400)).minus(Duration.ofHours(n % 24));
        return new Planned(n, t, scope, t.key() + "-" + suffix, t.title().formatted(scopeTitle), department, licence,
                updated, updated.minus(Duration.ofDays(400 + n * 11L % 300)), SEED + n * 7_919L);
    }
}
