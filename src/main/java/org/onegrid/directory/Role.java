package org.onegrid.directory;

/** What a staff member may do. One role per account. */
public enum Role {
    /** 受理员: takes calls and walk-ins, records cases, makes rating calls. */
    INTAKE_AGENT,
    /** 派遣员/值班长: dispatches, approves extensions, verifies, closes and voids. */
    DISPATCHER,
    /** 承办人: signs for, handles, returns and resolves cases of their unit. */
    UNIT_HANDLER,
    /** 网格员: reports events in their grids and verifies results on site. */
    GRID_WORKER,
    /** 单位负责人: leads a unit; may do what its handlers do, and urge. */
    UNIT_LEADER,
    /** 区领导: sees everything, urges and supervises; changes nothing else. */
    DISTRICT_LEADER,
    /** 系统管理员: users, units, grids, catalogue, calendar. */
    ADMIN,
    /** 志愿者: a resident who signs up to activities, earns points and redeems them; nothing else. */
    VOLUNTEER,
    /** 爱心商家: a merchant who publishes rewards and honours redemptions; nothing else. */
    MERCHANT;

    /** Residents' roles: their accounts open only the volunteering pages and API. */
    public boolean resident() {
        return this == VOLUNTEER || this == MERCHANT;
    }
}
