package org.onegrid.catalog.web;

import java.util.List;
import org.onegrid.catalog.CatalogService;
import org.onegrid.catalog.Category;
import org.onegrid.directory.StaffMember;
import org.onegrid.errors.ApiProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The matter catalogue over HTTP. */
@RestController
@RequestMapping("/api/categories")
class CatalogController {

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<Category> all() {
        return catalog.all();
    }

    @GetMapping("/{code}")
    Category one(@PathVariable String code) {
        return catalog.require(code);
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    Category save(@PathVariable String code, @RequestBody Category category, StaffMember admin) {
        if (!code.equals(category.code())) {
            throw ApiProblemException.invalid("code", "must match the code in the path");
        }
        return catalog.save(category, admin.username());
    }
}
