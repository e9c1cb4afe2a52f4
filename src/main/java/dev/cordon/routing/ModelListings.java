package dev.cordon.routing;

import dev.cordon.tenancy.KeyGrant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders {@code /v1/models} answers: only the aliases the caller's tenant may use. */
@ApplicationScoped
class ModelListings {

    private final ModelCatalog catalog;

    ModelListings(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    Map<String, Object> list(KeyGrant grant) {
        List<Object> data = new ArrayList<>();
        for (ModelRoute route : catalog.all()) {
            if (grant.mayUse(route.alias())) {
                data.add(one(route));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "list");
        out.put("data", data);
        return out;
    }

    Map<String, Object> one(ModelRoute route) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", route.alias());
        model.put("object", "model");
        model.put("created", catalog.createdEpochSeconds());
        model.put("owned_by", route.providerId());
        return model;
    }
}
