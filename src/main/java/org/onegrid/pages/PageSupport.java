package org.onegrid.pages;

import java.util.Locale;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.onegrid.errors.Refusal;
import org.onegrid.security.SignedIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * What every page shares: Chinese unless the reader chose English ({@code ?lang=en}, kept in a
 * cookie), the signed-in staff member as {@code me}, and refusals shown as a page.
 */
@ControllerAdvice(basePackages = "org.onegrid.pages")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageSupport {

    private final String tileUrl;
    private final org.onegrid.notify.Outbox outbox;

    PageSupport(@Value("${onegrid.map.tile-url:}") String tileUrl, org.onegrid.notify.Outbox outbox) {
        this.tileUrl = tileUrl;
        this.outbox = outbox;
    }

    /** The bell's count: the signed-in staff member's unread notifications. */
    @ModelAttribute("unread")
    Long unread() {
        return SignedIn.staff().map(outbox::unread).orElse(null);
    }

    @ModelAttribute("me")
    StaffMember me() {
        return SignedIn.staff().orElse(null);
    }

    @ModelAttribute("tileUrl")
    String tileUrl() {
        return tileUrl;
    }

    /** A refusal the page did not handle itself (no such case, not yours, wrong state). */
    @ExceptionHandler(ApiProblemException.class)
    ModelAndView refused(ApiProblemException problem, Model model) {
        ModelAndView page = new ModelAndView("refused", model.asMap(), problem.status());
        page.addObject("problem", problem);
        page.addObject("me", me());
        return page;
    }

    /** A domain's refusal the page did not handle itself: not permitted (403) or illegal in this state (409). */
    @ExceptionHandler(Refusal.class)
    ModelAndView refused(Refusal refusal, Model model) {
        return refused(refusal.asProblem(), model);
    }

    /** An address a page cannot take (/cases/abc, a missing or malformed parameter): a page saying so, never JSON. */
    @ExceptionHandler({org.springframework.beans.TypeMismatchException.class,
            org.springframework.web.bind.ServletRequestBindingException.class,
            org.springframework.web.method.annotation.HandlerMethodValidationException.class})
    ModelAndView badAddress(Model model) {
        return refused(ApiProblemException.invalid("address", "the page's address or one of its values is not valid"), model);
    }

    /** A form that cannot be read: a control character in a value, or a broken multipart body. */
    @ExceptionHandler({org.springframework.security.web.firewall.RequestRejectedException.class,
            org.springframework.web.multipart.MultipartException.class})
    ModelAndView unreadable(Model model) {
        return refused(ApiProblemException.invalid("form", "the form could not be read: a value holds a control "
                + "character, or the upload was cut off"), model);
    }

    /** A file beyond even the multipart limit: nothing of the form can be read, so say so plainly. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge() {
        ModelAndView page = new ModelAndView("refused", org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE);
        page.addObject("problem", ApiProblemException.invalid("photo", "the upload is far larger than 10 MB"));
        page.addObject("me", me());
        return page;
    }

    @Configuration(proxyBeanMethods = false)
    static class Locales implements WebMvcConfigurer {

        @Bean
        LocaleResolver localeResolver() {
            CookieLocaleResolver resolver = new CookieLocaleResolver("onegrid-lang");
            resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
            return resolver;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            LocaleChangeInterceptor change = new LocaleChangeInterceptor();
            change.setParamName("lang");
            change.setIgnoreInvalidLocale(true);
            registry.addInterceptor(change).excludePathPatterns("/api/**");
        }
    }
}
