package io.github.compose4j.load.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.load.tree.MapNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceTest {

    /** A realistic large file: shared anchors merged into every service. */
    static String manyServices(int count) {
        StringBuilder sb = new StringBuilder("""
                x-default: &default
                  restart: unless-stopped
                  logging:
                    driver: json-file
                    options: {max-size: "10m", max-file: "3"}
                  networks: [front, back]
                x-env: &env
                  TZ: UTC
                  LOG_LEVEL: info
                services:
                """);
        for (int i = 0; i < count; i++) {
            sb.append("  svc").append(i).append(":\n")
                    .append("    <<: *default\n")
                    .append("    image: registry.example.com/team/app-").append(i).append(":1.").append(i % 50).append('\n')
                    .append("    command: [\"serve\", \"--port\", \"").append(8000 + i).append("\", \"--verbose\"]\n")
                    .append("    environment:\n")
                    .append("      <<: *env\n")
                    .append("      SERVICE_NAME: svc").append(i).append('\n')
                    .append("      REPLICAS: ").append(i % 7).append('\n')
                    .append("      ENABLED: true\n")
                    .append("    ports:\n")
                    .append("      - \"").append(10000 + i).append(":80\"\n")
                    .append("      - target: 443\n        published: ").append(20000 + i).append("\n        protocol: tcp\n")
                    .append("    labels:\n")
                    .append("      com.example.team: platform\n")
                    .append("      com.example.index: \"").append(i).append("\"\n")
                    .append("    volumes:\n")
                    .append("      - ./data/svc").append(i).append(":/var/lib/app:rw\n")
                    .append("    depends_on:\n")
                    .append("      svc").append(Math.max(0, i - 1)).append(":\n        condition: service_healthy\n")
                    .append("    healthcheck:\n")
                    .append("      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost/health\"]\n")
                    .append("      interval: 30s\n      timeout: 5s\n      retries: 3\n")
                    .append("    deploy:\n      resources:\n        limits: {cpus: \"0.50\", memory: 512M}\n");
        }
        return sb.toString();
    }

    @Test
    void twoThousandServicesParseFastOnceWarm() {
        String yaml = manyServices(2000);
        assertThat(yaml.length()).isGreaterThan(1_000_000);
        YamlParser parser = new YamlParser(YamlLimits.DEFAULT);
        for (int i = 0; i < 8; i++) {
            parser.parse("big.yaml", yaml); // warm up
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        List<MapNode> docs = null;
        for (int i = 0; i < 3; i++) {
            long start = cpu.getCurrentThreadCpuTime();
            docs = parser.parse("big.yaml", yaml);
            best = Math.min(best, cpu.getCurrentThreadCpuTime() - start);
        }
        assertThat(((MapNode) docs.get(0).get("services")).size()).isEqualTo(2000);
        // Well under 200 ms on an idle machine; CPU time and a wide bound keep busy machines green while
        // still catching anything worse than linear.
        assertThat(best / 1_000_000).as("best of 3, CPU ms").isLessThan(1000);
    }
}
