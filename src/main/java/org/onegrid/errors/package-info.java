/**
 * How the API says no: exceptions for client mistakes and their RFC 9457 problem documents,
 * each naming the field and the reason.
 */
@ApplicationModule(allowedDependencies = {})
package org.onegrid.errors;

import org.springframework.modulith.ApplicationModule;
