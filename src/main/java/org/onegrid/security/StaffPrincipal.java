package org.onegrid.security;

import java.util.Collection;
import java.util.List;
import org.onegrid.directory.StaffMember;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A staff member as Spring Security sees them; the role becomes the authority ROLE_&lt;role&gt;. */
record StaffPrincipal(StaffMember staff, String passwordHash, boolean enabled)
        implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + staff.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return staff.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
