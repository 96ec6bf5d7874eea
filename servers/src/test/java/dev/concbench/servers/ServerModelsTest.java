package dev.concbench.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The registry finds the models through ServiceLoader, by name. */
class ServerModelsTest {

    @Test
    void findsTheFourBlockingModels() {
        assertThat(ServerModels.names()).contains("iterative", "thread", "pool", "virtual");
    }

    @Test
    void namesAreUniqueLowerCaseAndSorted() {
        assertThat(ServerModels.names()).doesNotHaveDuplicates().isSorted()
                .allSatisfy(name -> assertThat(name).matches("[a-z][a-z0-9-]*"));
    }

    @Test
    void everyModelDescribesItself() {
        assertThat(ServerModels.all()).allSatisfy(model -> {
            assertThat(model.description()).as(model.name()).isNotBlank().doesNotContain("\n");
            if (model.workersMeaning() != null) {
                assertThat(model.defaultWorkers()).as(model.name()).isPositive();
            }
        });
    }

    @Test
    void findsAModelByName() {
        assertThat(ServerModels.byName("pool").name()).isEqualTo("pool");
    }

    @Test
    void anUnknownNameListsTheKnownModels() {
        assertThatThrownBy(() -> ServerModels.byName("nope"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("nope")
                .hasMessageContaining("iterative");
    }

    @Test
    void creatingAServerStartsNothing() {
        long before = Thread.getAllStackTraces().size();
        for (ServerModel model : ServerModels.all()) {
            Server server = model.create(ServerConfig.defaults());
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(thread -> thread.getName().startsWith(model.name() + "-"));
            server.close();
        }
        assertThat((long) Thread.getAllStackTraces().size()).isLessThanOrEqualTo(before + 2);
    }
}
