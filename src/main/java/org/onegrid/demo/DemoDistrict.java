package org.onegrid.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.onegrid.grid.GeoJson;
import org.onegrid.grid.GridCode;
import org.onegrid.grid.GridNode;

/**
 * The demo territory: a lattice of 14 x 12 cells of 0.01 degree longitude by 0.008 degree
 * latitude (about 0.9 km square) over central Haizhou. Each community is a 2 x 2 block of base
 * grids; each street is a row of 7 communities; the last "street" is a town whose villages lie
 * in two managed areas (管区). Street and community names are illustrative.
 */
final class DemoDistrict {

    /** District departments: line of work and name. */
    static final Map<String, String> DEPARTMENTS = new LinkedHashMap<>();
    /** Departments of each street office: line of work and name. */
    static final Map<String, String> STREET_DEPARTMENTS = new LinkedHashMap<>();

    static {
        DEPARTMENTS.put("URBAN_MANAGEMENT", "区城市管理局");
        DEPARTMENTS.put("ENVIRONMENT", "市生态环境局海州分局");
        DEPARTMENTS.put("WORK_SAFETY", "区应急管理局");
        DEPARTMENTS.put("PUBLIC_SECURITY", "市公安局海州分局");
        DEPARTMENTS.put("MARKET_REGULATION", "区市场监督管理局");
        DEPARTMENTS.put("HOUSING", "区住房和城乡建设局");
        DEPARTMENTS.put("TRANSPORT", "区交通运输局");
        DEPARTMENTS.put("WATER", "区水利局");
        DEPARTMENTS.put("HEALTH", "区卫生健康委员会");
        DEPARTMENTS.put("EDUCATION", "区教育局");
        DEPARTMENTS.put("CIVIL_AFFAIRS", "区民政局");
        DEPARTMENTS.put("HUMAN_RESOURCES", "区人力资源和社会保障局");
        DEPARTMENTS.put("NATURAL_RESOURCES", "市自然资源和规划局海州分局");
        DEPARTMENTS.put("AGRICULTURE", "区农业农村局");
        DEPARTMENTS.put("PETITIONS", "区信访局");
        DEPARTMENTS.put("JUSTICE", "区司法局");
        DEPARTMENTS.put("PARTY_AFFAIRS", "区委组织部");

        STREET_DEPARTMENTS.put("URBAN_MANAGEMENT", "综合行政执法中队");
        STREET_DEPARTMENTS.put("ENVIRONMENT", "生态环境办公室");
        STREET_DEPARTMENTS.put("WORK_SAFETY", "安全生产监督管理办公室");
        STREET_DEPARTMENTS.put("PUBLIC_SECURITY", "综治中心");
        STREET_DEPARTMENTS.put("MARKET_REGULATION", "市场监督管理所");
        STREET_DEPARTMENTS.put("HOUSING", "城市建设管理办公室");
        STREET_DEPARTMENTS.put("HEALTH", "社区卫生服务中心");
        STREET_DEPARTMENTS.put("CIVIL_AFFAIRS", "社会事务办公室");
        STREET_DEPARTMENTS.put("HUMAN_RESOURCES", "劳动保障所");
        STREET_DEPARTMENTS.put("NATURAL_RESOURCES", "自然资源所");
        STREET_DEPARTMENTS.put("AGRICULTURE", "农业服务中心");
        STREET_DEPARTMENTS.put("JUSTICE", "司法所");
    }

    static final String DISTRICT_CODE = "320706";
    static final String DISTRICT_NAME = "海州区";
    static final double WEST = 119.13;
    static final double SOUTH = 34.55;
    static final double CELL_LNG = 0.01;
    static final double CELL_LAT = 0.008;
    static final int STREETS = 6;
    static final int COMMUNITIES_PER_STREET = 7;

    static final String[] STREET_NAMES = {"新浦街道", "新海街道", "新南街道", "路南街道", "新东街道", "浦南镇"};
    /**
     * The last street is a rural town run as a four-level grid (seed 004): town, managed area
     * (管区), village, base grid. Its first four villages are the east managed area, the rest the west.
     */
    static final int TOWN = 5;
    static final String[] MANAGED_AREA_NAMES = {"浦南镇东片管区", "浦南镇西片管区"};
    static final String[] COMMUNITY_NAMES = {
            "朝阳社区", "建设社区", "民主社区", "解放社区", "幸福社区", "和平社区", "团结社区",
            "胜利社区", "友谊社区", "光明社区", "东风社区", "新华社区", "人民社区", "振兴社区",
            "长虹社区", "海宁社区", "通灌社区", "盐河社区", "陇海社区", "凤凰社区", "龙河社区",
            "苍梧社区", "云台社区", "秀逸社区", "锦屏社区", "瀛洲社区", "郁洲社区", "玉带河社区",
            "海连社区", "大庆社区", "双龙社区", "文化社区", "利民社区", "育才社区", "康乐社区",
            "华联村", "恒山村", "巨龙村", "鸿运村", "宁海村", "晨光村", "春晖村"};

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

    /** The managed area (管区, 11 digits) a village of the town lies in, or null in a street. */
    static String managedAreaCode(int street, int community) {
        return street == TOWN ? streetCode(street) + (community < 4 ? "01" : "02") : null;
    }

    /** 街道办事处 or 镇人民政府. */
    static String officeName(int street) {
        return STREET_NAMES[street] + (street == TOWN ? "人民政府" : "办事处");
    }

    /** 居民委员会 or 村民委员会. */
    static String committeeName(int street, int community) {
        return communityName(street, community) + (street == TOWN ? "村民委员会" : "居民委员会");
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
            if (s == TOWN) {
                for (int a = 0; a < MANAGED_AREA_NAMES.length; a++) {
                    nodes.add(new GridNode(new GridCode(streetCode(s) + String.format("%02d", a + 1)), MANAGED_AREA_NAMES[a],
                            null, streetCode(s), "MANAGED_AREA"));
                }
            }
            for (int c = 0; c < COMMUNITIES_PER_STREET; c++) {
                String communityCode = communityCode(s, c);
                String above = s == TOWN ? managedAreaCode(s, c) : streetCode(s);
                nodes.add(new GridNode(new GridCode(communityCode), communityName(s, c), null, above, "COMMUNITY"));
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
