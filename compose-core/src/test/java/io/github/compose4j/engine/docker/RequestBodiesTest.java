package io.github.compose4j.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.core.RemoteApiVersion;
import io.github.compose4j.engine.ContainerSpec;
import io.github.compose4j.engine.EndpointSpec;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.IpamPoolSpec;
import io.github.compose4j.engine.NetworkSpec;
import io.github.compose4j.engine.PortBinding;
import io.github.compose4j.engine.TestSpecs;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RemoteApiVersion V141 = RemoteApiVersion.VERSION_1_41;
    private static final RemoteApiVersion V144 = RemoteApiVersion.VERSION_1_44;

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    /** Equal trees, numbers compared by value (the body holds longs where parsed JSON has ints). */
    private static void assertJson(JsonNode actual, String expected) throws Exception {
        JsonNode wanted = json(expected);
        Comparator<JsonNode> byValue = (a, b) -> a.equals(b) || (a.isNumber() && b.isNumber()
            && a.decimalValue().compareTo(b.decimalValue()) == 0) ? 0 : 1;
        if (!actual.equals(byValue, wanted)) {
            assertThat(actual.toPrettyString()).isEqualTo(wanted.toPrettyString());
        }
    }

    static ContainerSpec fullSpec() {
        ContainerSpec.Config config = new ContainerSpec.Config("nginx:1", Optional.of(List.of("run", "-x")),
            Optional.of(List.of()), List.of("A=1", "B"), "/srv", "app:app", "web", "example.org",
            Map.of("l2", "b", "l1", "a"), List.of("80/tcp", "53/udp"), true, true, true, true, true, true,
            "SIGQUIT", Optional.of(7), Optional.of(new ContainerSpec.Healthcheck(List.of("CMD", "true"),
                1_000_000_000L, 2_000_000_000L, 3_000_000_000L, 4_000_000_000L, 5)),
            true, "02:42:ac:11:00:02", Map.of("/anon", ""));
        ContainerSpec.Resources resources = new ContainerSpec.Resources(1_500_000_000L, 512, 100_000, 50_000, 1000,
            950, "0-1", "0", 2, 50, 1 << 30, 1 << 29, 1L << 31, Optional.of(60L), Optional.of(true), Optional.of(100L),
            300, List.of(new ContainerSpec.WeightDevice("/dev/sda", 400)),
            List.of(new ContainerSpec.ThrottleDevice("/dev/sda", 1024)),
            List.of(new ContainerSpec.ThrottleDevice("/dev/sdb", 2048)),
            List.of(new ContainerSpec.ThrottleDevice("/dev/sdc", 10)),
            List.of(new ContainerSpec.ThrottleDevice("/dev/sdd", 20)),
            List.of(new ContainerSpec.Device("/dev/fuse", "/dev/fuse", "rwm")), List.of("c 1:3 mr"),
            List.of(new ContainerSpec.DeviceRequest("nvidia", -1, List.of(), List.of(List.of("gpu")),
                Map.of("o", "v"))),
            List.of(new ContainerSpec.Ulimit("nofile", 1024, 2048)));
        List<ContainerSpec.Mount> mounts = List.of(
            new ContainerSpec.Mount("bind", "/host", "/in", true, "cached",
                Optional.of(new ContainerSpec.BindOptions("rprivate", true, "readonly")), Optional.empty(),
                Optional.empty()),
            new ContainerSpec.Mount("volume", "data", "/data", false, "",
                Optional.empty(), Optional.of(new ContainerSpec.VolumeOptions(true, "sub/dir", Map.of("k", "v"))),
                Optional.empty()),
            new ContainerSpec.Mount("tmpfs", "", "/tmp", false, "", Optional.empty(), Optional.empty(),
                Optional.of(new ContainerSpec.TmpfsOptions(65536, 01777))));
        ContainerSpec.Host host = new ContainerSpec.Host(List.of("/a:/b:ro"), mounts, Map.of("/run", "size=1m"),
            List.of(new PortBinding("127.0.0.1", 8080, 80, "tcp"), new PortBinding("", 0, 80, "tcp"),
                new PortBinding("", 5353, 53, "udp")),
            true, "front", List.of("db:database"), new ContainerSpec.RestartPolicy("on-failure", 3), true,
            List.of("NET_ADMIN"), List.of("MKNOD"), List.of("1.1.1.1"), List.of("ndots:2"), List.of("example.org"),
            List.of("db.local:10.0.0.2"), List.of("audio"), "shareable", "host", "host", "host", "private",
            "/parent", true, true, Optional.of(true), List.of("no-new-privileges"), Map.of("size", "10G"),
            Map.of("net.core.somaxconn", "1024"), 67_108_864, "runc", "default", "local", List.of("other:ro"),
            new ContainerSpec.LogConfig("json-file", Map.of("max-size", "1m")), Map.of("an", "1"), -500,
            resources);
        return new ContainerSpec("proj-web-1", "linux/arm64", config, host, Map.of(
            "front", new EndpointSpec(List.of("web"), List.of("db:db"), "10.0.0.5", "fd00::5", List.of("169.254.1.1"),
                "02:42:ac:11:00:03", Map.of("com.example.opt", "x"), 10)));
    }

    @Test
    void everyFieldOfAContainerSpecReachesTheCreateBody() throws Exception {
        ContainerSpec spec = fullSpec();

        JsonNode body = RequestBodies.container(spec, spec.endpoints(), V141);

        assertJson(body, """
            {'Hostname':'web','Domainname':'example.org','User':'app:app',
             'AttachStdin':true,'AttachStdout':true,'AttachStderr':true,
             'ExposedPorts':{'80/tcp':{},'53/udp':{}},'Tty':true,'OpenStdin':true,'StdinOnce':true,
             'Env':['A=1','B'],'Cmd':['run','-x'],
             'Healthcheck':{'Test':['CMD','true'],'Interval':1000000000,'Timeout':2000000000,
               'StartPeriod':3000000000,'StartInterval':4000000000,'Retries':5},
             'Image':'nginx:1','Volumes':{'/anon':{}},'WorkingDir':'/srv','Entrypoint':[],
             'NetworkDisabled':true,'MacAddress':'02:42:ac:11:00:02','Labels':{'l1':'a','l2':'b'},
             'StopSignal':'SIGQUIT','StopTimeout':7,
             'HostConfig':{
               'Binds':['/a:/b:ro'],'LogConfig':{'Type':'json-file','Config':{'max-size':'1m'}},
               'NetworkMode':'front',
               'PortBindings':{'80/tcp':[{'HostIp':'127.0.0.1','HostPort':'8080'},{'HostIp':'','HostPort':''}],
                               '53/udp':[{'HostIp':'','HostPort':'5353'}]},
               'RestartPolicy':{'Name':'on-failure','MaximumRetryCount':3},'AutoRemove':true,
               'VolumeDriver':'local','VolumesFrom':['other:ro'],
               'CapAdd':['NET_ADMIN'],'CapDrop':['MKNOD'],'CgroupnsMode':'private',
               'Dns':['1.1.1.1'],'DnsOptions':['ndots:2'],'DnsSearch':['example.org'],
               'ExtraHosts':['db.local:10.0.0.2'],'GroupAdd':['audio'],'IpcMode':'shareable',
               'Links':['db:database'],'OomScoreAdj':-500,'PidMode':'host','Privileged':true,
               'PublishAllPorts':true,'ReadonlyRootfs':true,'SecurityOpt':['no-new-privileges'],
               'StorageOpt':{'size':'10G'},'Tmpfs':{'/run':'size=1m'},'UTSMode':'host','UsernsMode':'host',
               'ShmSize':67108864,'Sysctls':{'net.core.somaxconn':'1024'},'Runtime':'runc','Isolation':'default',
               'CgroupParent':'/parent',
               'CpuShares':512,'Memory':1073741824,'NanoCpus':1500000000,'BlkioWeight':300,
               'BlkioWeightDevice':[{'Path':'/dev/sda','Weight':400}],
               'BlkioDeviceReadBps':[{'Path':'/dev/sda','Rate':1024}],
               'BlkioDeviceWriteBps':[{'Path':'/dev/sdb','Rate':2048}],
               'BlkioDeviceReadIOps':[{'Path':'/dev/sdc','Rate':10}],
               'BlkioDeviceWriteIOps':[{'Path':'/dev/sdd','Rate':20}],
               'CpuPeriod':100000,'CpuQuota':50000,'CpuRealtimePeriod':1000,'CpuRealtimeRuntime':950,
               'CpusetCpus':'0-1','CpusetMems':'0',
               'Devices':[{'PathOnHost':'/dev/fuse','PathInContainer':'/dev/fuse','CgroupPermissions':'rwm'}],
               'DeviceCgroupRules':['c 1:3 mr'],
               'DeviceRequests':[{'Driver':'nvidia','Count':-1,'DeviceIDs':[],'Capabilities':[['gpu']],
                                  'Options':{'o':'v'}}],
               'MemoryReservation':536870912,'MemorySwap':2147483648,'MemorySwappiness':60,
               'OomKillDisable':true,'PidsLimit':100,'Ulimits':[{'Name':'nofile','Soft':1024,'Hard':2048}],
               'CpuCount':2,'CpuPercent':50,
               'Mounts':[
                 {'Type':'bind','Source':'/host','Target':'/in','ReadOnly':true,'Consistency':'cached',
                  'BindOptions':{'Propagation':'rprivate','ReadOnlyForceRecursive':true,'CreateMountpoint':true}},
                 {'Type':'volume','Source':'data','Target':'/data',
                  'VolumeOptions':{'NoCopy':true,'Labels':{'k':'v'},'Subpath':'sub/dir'}},
                 {'Type':'tmpfs','Target':'/tmp','TmpfsOptions':{'SizeBytes':65536,'Mode':1023}}],
               'Init':true},
             'NetworkingConfig':{'EndpointsConfig':{'front':{
               'IPAMConfig':{'IPv4Address':'10.0.0.5','IPv6Address':'fd00::5','LinkLocalIPs':['169.254.1.1']},
               'Links':['db:db'],'Aliases':['web'],'MacAddress':'02:42:ac:11:00:03',
               'DriverOpts':{'com.example.opt':'x'}}}}}
            """);
    }

    @Test
    void emptyValuesAreLeftOut() throws Exception {
        ContainerSpec spec = TestSpecs.container("c", "busybox", Map.of(), List.of());

        assertJson(RequestBodies.container(spec, Map.of(), V141), "{'Image':'busybox','HostConfig':{}}");
    }

    @Test
    void annotationsNeedApi143() {
        ContainerSpec spec = fullSpec();

        assertThat(RequestBodies.container(spec, Map.of(), V141).path("HostConfig").has("Annotations")).isFalse();
        assertThat(RequestBodies.container(spec, Map.of(), RemoteApiVersion.VERSION_1_43).path("HostConfig")
            .path("Annotations").path("an").asText()).isEqualTo("1");
    }

    @Test
    void gatewayPriorityNeedsApi148() {
        EndpointSpec endpoint = fullSpec().endpoints().get("front");

        assertThat(RequestBodies.endpoint(endpoint, V144).has("GwPriority")).isFalse();
        assertThat(RequestBodies.endpoint(endpoint, RemoteApiVersion.create(1, 48)).path("GwPriority").asLong())
            .isEqualTo(10);
    }

    @Test
    void bindRecursionBecomesTheEnginesFlags() {
        assertThat(bindOptions("disabled").path("NonRecursive").asBoolean()).isTrue();
        assertThat(bindOptions("writable").path("ReadOnlyNonRecursive").asBoolean()).isTrue();
        assertThat(bindOptions("readonly").path("ReadOnlyForceRecursive").asBoolean()).isTrue();
        assertThat(bindOptions("enabled").size()).isZero();
        assertThatThrownBy(() -> bindOptions("sideways")).isInstanceOfSatisfying(EngineException.class,
            e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID));
    }

    private static JsonNode bindOptions(String recursive) {
        ContainerSpec base = TestSpecs.container("c", "busybox", Map.of(), List.of());
        ContainerSpec.Mount mount = new ContainerSpec.Mount("bind", "/h", "/c", false, "",
            Optional.of(new ContainerSpec.BindOptions("", false, recursive)), Optional.empty(), Optional.empty());
        ContainerSpec.Host h = base.host();
        ContainerSpec.Host host = new ContainerSpec.Host(h.binds(), List.of(mount), h.tmpfs(), h.portBindings(),
            h.publishAllPorts(), h.networkMode(), h.links(), h.restartPolicy(), h.autoRemove(), h.capAdd(),
            h.capDrop(), h.dns(), h.dnsOptions(), h.dnsSearch(), h.extraHosts(), h.groupAdd(), h.ipcMode(),
            h.pidMode(), h.utsMode(), h.usernsMode(), h.cgroupnsMode(), h.cgroupParent(), h.privileged(),
            h.readonlyRootfs(), h.init(), h.securityOpt(), h.storageOpt(), h.sysctls(), h.shmSize(), h.runtime(),
            h.isolation(), h.volumeDriver(), h.volumesFrom(), h.logConfig(), h.annotations(), h.oomScoreAdj(),
            h.resources());
        ContainerSpec spec = new ContainerSpec("c", "", base.config(), host, Map.of());
        return RequestBodies.container(spec, Map.of(), V141).path("HostConfig").path("Mounts").path(0)
            .path("BindOptions");
    }

    @Test
    void aNetworkBodyCarriesIpamAndAsksOlderEnginesToRefuseDuplicates() throws Exception {
        NetworkSpec spec = new NetworkSpec("proj_front", "bridge", Map.of("com.docker.network.bridge.name", "br0"),
            "default", List.of(new IpamPoolSpec("10.5.0.0/16", "10.5.1.0/24", "10.5.0.1", Map.of("h", "10.5.0.9"))),
            Map.of("io", "1"), true, true, Optional.of(true), Optional.of(false), Map.of("l", "v"));

        assertJson(RequestBodies.network(spec, V141), """
            {'Name':'proj_front','CheckDuplicate':true,'Driver':'bridge','Internal':true,'Attachable':true,
             'EnableIPv6':true,
             'IPAM':{'Driver':'default','Config':[{'Subnet':'10.5.0.0/16','IPRange':'10.5.1.0/24',
               'Gateway':'10.5.0.1','AuxiliaryAddresses':{'h':'10.5.0.9'}}],'Options':{'io':'1'}},
             'Options':{'com.docker.network.bridge.name':'br0'},'Labels':{'l':'v'}}
            """);
        assertThat(RequestBodies.network(spec, V144).has("CheckDuplicate")).isFalse();
        assertThat(RequestBodies.network(spec, RemoteApiVersion.create(1, 47)).path("EnableIPv4").asBoolean(true))
            .isFalse();
    }

    @Test
    void aConnectBodyNamesTheContainer() throws Exception {
        assertJson(RequestBodies.connect("abc", TestSpecs.endpoint("x"), V141),
            "{'Container':'abc','EndpointConfig':{'Aliases':['x']}}");
    }
}
