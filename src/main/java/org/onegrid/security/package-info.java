/**
 * Sign-in and access: HTTP Basic for the API with a credential cache so that the adaptive
 * password hash runs once per sign-in rather than once per request, problem documents for 401
 * and 403, and the signed-in staff member handed to controllers.
 */
@ApplicationModule(allowedDependencies = {"directory", "errors"})
package org.onegrid.security;

import org.springframework.modulith.ApplicationModule;
