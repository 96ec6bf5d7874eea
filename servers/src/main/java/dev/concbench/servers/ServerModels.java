package dev.concbench.servers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.ServiceLoader;

/** The registry of {@link ServerModel}s found on the class path through {@link ServiceLoader}. */
public final class ServerModels {

    private ServerModels() {
    }

    /** Every model found, sorted by name. Each call loads the models afresh. */
    public static List<ServerModel> all() {
        List<ServerModel> models = new ArrayList<>();
        ServiceLoader.load(ServerModel.class).forEach(models::add);
        models.sort(Comparator.comparing(ServerModel::name));
        return List.copyOf(models);
    }

    /** The names of every model found, sorted. */
    public static List<String> names() {
        return all().stream().map(ServerModel::name).toList();
    }

    /**
     * The model with this name.
     *
     * @throws NoSuchElementException with a message listing the known models if there is none
     */
    public static ServerModel byName(String name) {
        return all().stream()
                .filter(model -> model.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(
                        "unknown model '" + name + "'; known models: " + String.join(", ", names())));
    }
}
