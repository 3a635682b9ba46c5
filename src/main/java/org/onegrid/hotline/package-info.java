/**
 * The 12345 hotline connector (市12345政务服务便民热线平台工单对接): work orders taken from the
 * city's platform as cases (their categories mapped to ours), acknowledged, and each case's
 * sign-for, progress, result, return and rating sent back in order, each once, retried through
 * a queue of its own. The wire format is one adapter ({@link org.onegrid.hotline.HotlinePlatform});
 * the one shipped speaks the JSON documented in docs/hotline.md.
 */
@ApplicationModule(allowedDependencies = {"audit", "cases", "directory", "errors"})
package org.onegrid.hotline;

import org.springframework.modulith.ApplicationModule;
