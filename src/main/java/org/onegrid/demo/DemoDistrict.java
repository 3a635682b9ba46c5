package org.onegrid.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.onegrid.grid.GeoJson;
import org.onegrid.grid.GridCode;
import org.onegrid.grid.GridNode;

/**
 * The demo territory: a lattice of 14 x 12 cells of 0.01 degree longitude by 0.008 degree
 * latitude (about 0.9 km square) over central Haizhou. Each community is a 2 x 2 block of base
 * grids; each street is a row of 7 communities. Street and community names are illustrative.
 */
final class DemoDistrict {

    static final String DISTRICT_CODE = "320706";
    static final String DISTRICT_NAME = "海州区";
    static final double WEST = 119.13;
    static final double SOUTH = 34.55;
    static final double CELL_LNG = 0.01;
    static final double CELL_LAT = 0.008;
    static final int STREETS = 6;
    static final int COMMUNITIES_PER_STREET = 7;

    static final String[] STREET_NAMES = {"新浦街道", "新海街道", "新南街道", "路南街道", "新东街道", "浦西街道"};
    static final String[] COMMUNITY_NAMES = {
            "朝阳社区", "建设社区", "民主社区", "解放社区", "幸福社区", "和平社区", "团结社区",
            "胜利社区", "友谊社区", "光明社区", "东风社区", "新华社区", "人民社区", "振兴社区",
            "长虹社区", "海宁社区", "通灌社区", "盐河社区", "陇海社区", "凤凰社区", "龙河社区",
            "苍梧社区", "云台社区", "秀逸社区", "锦屏社区", "瀛洲社区", "郁洲社区", "玉带河社区",
            "海连社区", "大庆社区", "双龙社区", "文化社区", "利民社区", "育才社区", "康乐社区",
            "华联社区", "恒山社区", "巨龙社区", "鸿运社区", "宁海社区", "晨光社区", "春晖社区"};

    private DemoDistrict() {
    }

    static String streetCode(int street) {
        return DISTRICT_CODE + String.format("%03d", street + 1);
    }

    static String communityCode(int street, int community) {
        return streetCode(street) + String.format("%03d", community + 1);
    }

    static String communityName(int street, int community) {
        return COMMUNITY_NAMES[street * COMMUNITIES_PER_STREET + community];
    }

    /** Base grid {@code serial} (0-3) of a community: its cell's column and row in the lattice. */
    static int[] cell(int street, int community, int serial) {
        return new int[] {community * 2 + serial % 2, street * 2 + serial / 2};
    }

    static List<GridNode> nodes() {
        List<GridNode> nodes = new ArrayList<>();
        nodes.add(new GridNode(new GridCode(DISTRICT_CODE), DISTRICT_NAME, null));
        for (int s = 0; s < STREETS; s++) {
            nodes.add(new GridNode(new GridCode(streetCode(s)), STREET_NAMES[s], null));
            for (int c = 0; c < COMMUNITIES_PER_STREET; c++) {
                String communityCode = communityCode(s, c);
                nodes.add(new GridNode(new GridCode(communityCode), communityName(s, c), null));
                for (int g = 0; g < 4; g++) {
                    int[] cell = cell(s, c, g);
                    nodes.add(new GridNode(new GridCode(communityCode + String.format("%03d", g + 1)),
                            communityName(s, c) + "第" + (g + 1) + "网格", square(cell[0], cell[1])));
                }
            }
        }
        return nodes;
    }

    static double lng(double column) {
        return round(WEST + column * CELL_LNG);
    }

    static double lat(double row) {
        return round(SOUTH + row * CELL_LAT);
    }

    private static Polygon square(int column, int row) {
        double w = lng(column);
        double e = lng(column + 1);
        double s = lat(row);
        double n = lat(row + 1);
        return GeoJson.FACTORY.createPolygon(new Coordinate[] {
                new Coordinate(w, s), new Coordinate(e, s), new Coordinate(e, n), new Coordinate(w, n), new Coordinate(w, s)});
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
