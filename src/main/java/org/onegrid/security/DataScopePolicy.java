package org.onegrid.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.StaffMember;
import org.onegrid.directory.Unit;
import org.onegrid.directory.UnitKind;
import org.springframework.stereotype.Component;

/**
 * Least privilege over cases (数据权限):
 * <ul>
 *   <li>intake agents, dispatchers and administrators of the command centre, and district
 *       leaders (who may read and urge, nothing else): every case;</li>
 *   <li>a grid worker: the cases located in their own base grids;</li>
 *   <li>a unit handler or unit leader: the cases that are or were assigned to their unit; a
 *       street/town office or department also sees everything in its street's territory, and a
 *       community committee everything in its community;</li>
 *   <li>volunteers and merchants (residents' accounts), anyone else, or a handler without a
 *       unit: nothing.</li>
 * </ul>
 */
@Component
public class DataScopePolicy {

    private final DirectoryService directory;

    DataScopePolicy(DirectoryService directory) {
        this.directory = directory;
    }

    public DataScope scopeOf(StaffMember staff) {
        return switch (staff.role()) {
            case INTAKE_AGENT, DISPATCHER, ADMIN, DISTRICT_LEADER -> DataScope.ALL;
            case GRID_WORKER -> DataScope.of(directory.gridsOf(staff.id()), List.of());
            case UNIT_HANDLER, UNIT_LEADER -> unitScope(staff);
            case VOLUNTEER, MERCHANT -> DataScope.of(List.of(), List.of());
        };
    }

    private DataScope unitScope(StaffMember staff) {
        Optional<Unit> unit = Optional.ofNullable(staff.unitId()).flatMap(directory::unit);
        if (unit.isEmpty()) {
            return DataScope.of(List.of(), List.of());
        }
        List<String> territory = new ArrayList<>();
        UnitKind kind = unit.get().kind();
        if (kind == UnitKind.STREET_OFFICE || kind == UnitKind.STREET_DEPARTMENT || kind == UnitKind.COMMUNITY_COMMITTEE) {
            territory.add(unit.get().regionCode());
        }
        return DataScope.of(territory, List.of(unit.get().id()));
    }
}
