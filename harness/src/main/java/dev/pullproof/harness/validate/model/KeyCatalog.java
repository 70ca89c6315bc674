package dev.pullproof.harness.validate.model;

import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.version.Layout;
import dev.pullproof.harness.version.ReleaseLine;

/**
 * The keys containerd 1.6.20, 1.7.24 and 2.1.9 know, learnt from each release's config structs: the
 * top level of config.toml, the CRI plugin's sections, and hosts.toml. Sections of other plugins
 * are not catalogued (their keys are not checked).
 */
public final class KeyCatalog {
  private KeyCatalog() {}

  private static final Schema AUTH = Schema.leaves("username", "password", "auth", "identitytoken");
  private static final Schema TLS =
      Schema.leaves("insecure_skip_verify", "ca_file", "cert_file", "key_file");

  /** registry: 1.x keeps {@code configs.*.tls}; 2.x dropped it. */
  private static Schema registry(boolean withTls) {
    Schema config = Schema.leaves().with("auth", AUTH);
    if (withTls) {
      config = config.with("tls", TLS);
    }
    return Schema.leaves("config_path", "headers")
        .with("mirrors", Schema.mapOf(Schema.leaves("endpoint")))
        .with("configs", Schema.mapOf(config))
        .with("auths", Schema.mapOf(AUTH));
  }

  private static final Schema RUNTIME_16 =
      Schema.leaves(
          "runtime_type",
          "runtime_path",
          "runtime_engine",
          "pod_annotations",
          "container_annotations",
          "runtime_root",
          "options",
          "privileged_without_host_devices",
          "base_runtime_spec",
          "cni_conf_dir",
          "cni_max_conf_num");
  private static final Schema RUNTIME_17 =
      RUNTIME_16.plus(
          "privileged_without_host_devices_all_devices_allowed", "snapshotter", "sandbox_mode");
  private static final Schema RUNTIME_2 =
      RUNTIME_17
          .without("runtime_engine", "runtime_root", "sandbox_mode")
          .plus("cgroup_writable", "sandboxer", "io_type");

  private static Schema containerd16() {
    return Schema.leaves(
            "snapshotter",
            "default_runtime_name",
            "no_pivot",
            "disable_snapshot_annotations",
            "discard_unpacked_layers",
            "ignore_rdt_not_enabled_errors")
        .with("default_runtime", RUNTIME_16)
        .with("untrusted_workload_runtime", RUNTIME_16)
        .with("runtimes", Schema.mapOf(RUNTIME_16));
  }

  private static Schema containerd17() {
    return containerd16()
        .plus("ignore_blockio_not_enabled_errors")
        .with("default_runtime", RUNTIME_17)
        .with("untrusted_workload_runtime", RUNTIME_17)
        .with("runtimes", Schema.mapOf(RUNTIME_17));
  }

  private static final Schema CNI_16 =
      Schema.leaves("bin_dir", "conf_dir", "max_conf_num", "conf_template", "ip_pref");
  private static final Schema CNI_17 = CNI_16.plus("setup_serially");
  private static final Schema CNI_2 = CNI_17.plus("bin_dirs", "use_internal_loopback");

  private static final Schema STREAMING = Schema.leaves("tls_cert_file", "tls_key_file");
  private static final Schema DECRYPTION = Schema.leaves("key_model");

  private static final Schema CRI_16 =
      Schema.leaves(
              "disable_tcp_service",
              "stream_server_address",
              "stream_server_port",
              "stream_idle_timeout",
              "enable_selinux",
              "selinux_category_range",
              "sandbox_image",
              "stats_collect_period",
              "systemd_cgroup",
              "enable_tls_streaming",
              "max_container_log_line_size",
              "disable_cgroup",
              "disable_apparmor",
              "restrict_oom_score_adj",
              "max_concurrent_downloads",
              "disable_proc_mount",
              "unset_seccomp_profile",
              "tolerate_missing_hugetlb_controller",
              "disable_hugetlb_controller",
              "device_ownership_from_security_context",
              "ignore_image_defined_volumes",
              "netns_mounts_under_state_dir",
              "enable_unprivileged_ports",
              "enable_unprivileged_icmp")
          .with("containerd", containerd16())
          .with("cni", CNI_16)
          .with("registry", registry(true))
          .with("image_decryption", DECRYPTION)
          .with("x509_key_pair_streaming", STREAMING);

  private static final Schema CRI_17 =
      CRI_16
          .plus(
              "enable_cdi",
              "cdi_spec_dirs",
              "image_pull_progress_timeout",
              "drain_exec_sync_io_timeout",
              "image_pull_with_sync_fs",
              "ignore_deprecation_warnings")
          .with("containerd", containerd17())
          .with("cni", CNI_17);

  /** 2.x {@code io.containerd.cri.v1.images}. */
  public static final Schema IMAGES_2 =
      Schema.leaves(
              "snapshotter",
              "disable_snapshot_annotations",
              "discard_unpacked_layers",
              "pinned_images",
              "max_concurrent_downloads",
              "concurrent_layer_fetch_buffer",
              "image_pull_progress_timeout",
              "image_pull_with_sync_fs",
              "stats_collect_period",
              "use_local_image_pull")
          .with("runtime_platforms", Schema.mapOf(Schema.leaves("platform", "snapshotter")))
          .with("registry", registry(false))
          .with("image_decryption", DECRYPTION);

  /** 2.x {@code io.containerd.cri.v1.runtime} (2.1's keys). */
  public static final Schema RUNTIME_PLUGIN_2 = runtimePlugin2(RUNTIME_2, CNI_2);

  /**
   * The images plugin's keys on a 2.x line: 2.0 lacks {@code concurrent_layer_fetch_buffer} and
   * {@code use_local_image_pull}, which 2.1 added (internal/cri/config/config.go at v2.0.11 and
   * v2.1.9; confirmed: 2.0.11 logs them as unknown keys).
   */
  public static Schema images(ReleaseLine line) {
    return line == ReleaseLine.V2_0
        ? IMAGES_2.without("concurrent_layer_fetch_buffer", "use_local_image_pull")
        : IMAGES_2;
  }

  /**
   * The runtime plugin's keys on a 2.x line: 2.0 lacks {@code runtimes.<r>.cgroup_writable} and
   * {@code cni.bin_dirs} (new in 2.1); 2.2 adds {@code enable_criu} and {@code
   * enable_experimental_restore_via_create} (internal/cri/config/config.go at v2.0.11, v2.1.9,
   * v2.2.7).
   */
  public static Schema runtimePlugin(ReleaseLine line) {
    switch (line) {
      case V2_0:
        return runtimePlugin2(RUNTIME_2.without("cgroup_writable"), CNI_2.without("bin_dirs"));
      case V2_2:
        return RUNTIME_PLUGIN_2.plus("enable_criu", "enable_experimental_restore_via_create");
      default:
        return RUNTIME_PLUGIN_2;
    }
  }

  private static Schema runtimePlugin2(Schema runtime, Schema cni) {
    return Schema.leaves(
            "enable_selinux",
            "selinux_category_range",
            "max_container_log_line_size",
            "disable_apparmor",
            "restrict_oom_score_adj",
            "disable_proc_mount",
            "unset_seccomp_profile",
            "tolerate_missing_hugetlb_controller",
            "disable_hugetlb_controller",
            "device_ownership_from_security_context",
            "ignore_image_defined_volumes",
            "netns_mounts_under_state_dir",
            "enable_unprivileged_ports",
            "enable_unprivileged_icmp",
            "enable_cdi",
            "cdi_spec_dirs",
            "drain_exec_sync_io_timeout",
            "ignore_deprecation_warnings")
        .with(
            "containerd",
            Schema.leaves(
                    "default_runtime_name",
                    "ignore_blockio_not_enabled_errors",
                    "ignore_rdt_not_enabled_errors")
                .with("runtimes", Schema.mapOf(runtime)))
        .with("cni", cni);
  }

  /** 2.x {@code io.containerd.grpc.v1.cri}: only the CRI server remains there. */
  public static final Schema SERVER_2 =
      Schema.leaves(
              "disable_tcp_service",
              "stream_server_address",
              "stream_server_port",
              "stream_idle_timeout",
              "enable_tls_streaming")
          .with("x509_key_pair_streaming", STREAMING);

  /**
   * A version 2 CRI section as 2.x reads it after migrating it: what lands in one of the three 2.x
   * plugins, plus {@code sandbox_image} (moved to {@code pinned_images.sandbox}) and {@code
   * sandbox_mode} (renamed {@code sandboxer}).
   */
  private static Schema migratedCri2() {
    Schema top = IMAGES_2.with("containerd", Schema.any());
    for (String n : RUNTIME_PLUGIN_2.names()) {
      top = top.with(n, RUNTIME_PLUGIN_2.child(n).orElseThrow());
    }
    for (String n : SERVER_2.names()) {
      top = top.with(n, SERVER_2.child(n).orElseThrow());
    }
    Schema containerd =
        Schema.leaves(
                "default_runtime_name",
                "ignore_blockio_not_enabled_errors",
                "ignore_rdt_not_enabled_errors",
                "snapshotter",
                "disable_snapshot_annotations",
                "discard_unpacked_layers")
            .with("runtimes", Schema.mapOf(RUNTIME_2.plus("sandbox_mode")));
    return top.with("containerd", containerd).plus("sandbox_image");
  }

  private static final Schema MIGRATED_CRI_2 = migratedCri2();

  /** The CRI section's shape where {@code layout} reads it (1.x shapes for V1/V2 layouts). */
  public static Schema criSection(ContainerdVersion family, Layout layout) {
    if (layout == Layout.V2_MIGRATED) {
      return MIGRATED_CRI_2;
    }
    return family.line() == ReleaseLine.V1_6 ? CRI_16 : CRI_17;
  }

  private static final Schema DEBUG = Schema.leaves("address", "uid", "gid", "level", "format");
  private static final Schema GRPC =
      Schema.leaves(
          "address",
          "tcp_address",
          "tcp_tls_ca",
          "tcp_tls_cert",
          "tcp_tls_key",
          "uid",
          "gid",
          "max_recv_message_size",
          "max_send_message_size");
  private static final Schema STREAM_PROCESSOR =
      Schema.leaves("accepts", "returns", "path", "args", "env");

  /** The top level of config.toml (plugin sections are not looked into here). */
  public static Schema topLevel(ContainerdVersion family) {
    Schema proxy =
        family.line() == ReleaseLine.V1_6
            ? Schema.leaves("type", "address")
            : Schema.leaves("type", "address", "platform", "exports", "capabilities");
    Schema top =
        Schema.leaves(
                "version",
                "root",
                "state",
                "temp",
                "disabled_plugins",
                "required_plugins",
                "plugins",
                "oom_score",
                "timeouts",
                "imports")
            .with("grpc", GRPC)
            .with("ttrpc", Schema.leaves("address", "uid", "gid"))
            .with("debug", DEBUG)
            .with("metrics", Schema.leaves("address", "grpc_histogram"))
            .with("cgroup", Schema.leaves("path"))
            .with("proxy_plugins", Schema.mapOf(proxy))
            .with("stream_processors", Schema.mapOf(STREAM_PROCESSOR));
    // plugin_dir went with go plugins in 2.1 (cmd/containerd/server/config at v2.0.11, v2.1.9);
    // 2.2 adds [grpc] tcp_tls_common_name.
    if (family.line().compareTo(ReleaseLine.V2_1) < 0) {
      top = top.plus("plugin_dir");
    }
    if (family.line().compareTo(ReleaseLine.V2_2) >= 0) {
      top = top.with("grpc", GRPC.plus("tcp_tls_common_name"));
    }
    return top;
  }

  /** One host's settings in hosts.toml (also the top level); {@code dial_timeout} is new in 2.1. */
  private static Schema hostEntry(ContainerdVersion family) {
    Schema entry =
        Schema.leaves("capabilities", "ca", "client", "skip_verify", "header", "override_path");
    return family.line().compareTo(ReleaseLine.V2_1) >= 0 ? entry.plus("dial_timeout") : entry;
  }

  /** hosts.toml: {@code server}, the host settings for it, and {@code [host."URL"]} entries. */
  public static Schema hostsFile(ContainerdVersion family) {
    return hostEntry(family).plus("server").with("host", Schema.mapOf(hostEntry(family)));
  }
}
