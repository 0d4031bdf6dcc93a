// Command pulumi-language-nodejs is a minimal Node.js language host for the
// Pulumi engine.
//
// The Go module proxy available to this project does not serve the upstream
// language host module, so `npm run setup` builds this one next to the CLI.
// It implements only what the CLI needs to run Node.js programs, policy packs
// and plugins: it launches `@pulumi/pulumi/cmd/run` (programs) and
// `@pulumi/pulumi/cmd/run-plugin` (policy packs) from the program's own
// node_modules, exactly as the upstream host does, and hands the real
// resource monitor address straight to the Node.js SDK.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"google.golang.org/grpc"
	pbempty "google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// The Node.js SDK exits with this code after it has already shown the user
// an actionable error; the engine must then stop without adding its own.
const exitCodeAlreadyReported = 32

type languageHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
	tracing       string
	options       map[string]string
}

func main() {
	fs := flag.NewFlagSet("pulumi-language-nodejs", flag.ContinueOnError)
	tracing := fs.String("tracing", "", "tracing endpoint")
	options := map[string]string{}
	// Runtime options from Pulumi.yaml arrive as -name=value flags.
	for _, name := range []string{"typescript", "tsconfig", "nodeargs", "root", "packagemanager"} {
		n := name
		fs.Func(n, "runtime option", func(v string) error { options[n] = v; return nil })
	}
	if err := fs.Parse(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	host := &languageHost{tracing: *tracing, options: options}
	if args := fs.Args(); len(args) > 0 {
		host.engineAddress = args[0]
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Stop serving when the engine goes away, as the upstream host does.
	stop := make(chan bool)
	go func() {
		<-ctx.Done()
		close(stop)
	}()
	if host.engineAddress != "" {
		if err := rpcutil.Healthcheck(ctx, host.engineAddress, 5*time.Minute, cancel); err != nil {
			fmt.Fprintf(os.Stderr, "health check: %v\n", err)
			os.Exit(1)
		}
	}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: stop,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "could not start language host: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "language host stopped: %v\n", err)
		os.Exit(1)
	}
}

func (h *languageHost) Handshake(
	_ context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	h.engineAddress = req.GetEngineAddress()
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *languageHost) GetPluginInfo(context.Context, *pbempty.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

// Programs in this project need no third-party resource plugins: dynamic
// resources are served by pulumi-resource-pulumi-nodejs from @pulumi/pulumi.
func (h *languageHost) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *languageHost) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

// Dependencies are installed by the project's own npm scripts.
func (h *languageHost) InstallDependencies(
	*pulumirpc.InstallDependenciesRequest, grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse],
) error {
	return nil
}

func (h *languageHost) About(context.Context, *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	out, err := exec.Command("node", "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("node not found on PATH: %w", err)
	}
	return &pulumirpc.AboutResponse{Executable: "node", Version: strings.TrimSpace(string(out))}, nil
}

func (h *languageHost) GetProgramDependencies(
	context.Context, *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	return &pulumirpc.GetProgramDependenciesResponse{}, nil
}

// option reads a runtime option, preferring the program info sent with the
// request over the flags the host was started with.
func (h *languageHost) option(info *pulumirpc.ProgramInfo, name string) string {
	if info != nil && info.GetOptions() != nil {
		if v, ok := info.GetOptions().AsMap()[name]; ok && v != nil {
			return fmt.Sprint(v)
		}
	}
	return h.options[name]
}

// resolveModule finds a module of @pulumi/pulumi from the program's directory,
// so that the SDK the program depends on is the one that runs it. It looks in
// the node_modules folders from dir up, as Node does, and asks Node itself
// (one more process) only where they hold nothing: NODE_PATH or a global folder.
func resolveModule(dir, module string) (string, error) {
	for d := dir; ; {
		if filepath.Base(d) != "node_modules" {
			file := filepath.Join(d, "node_modules", filepath.FromSlash(module), "index.js")
			if st, err := os.Stat(file); err == nil && st.Mode().IsRegular() {
				return file, nil
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	cmd := exec.Command("node", "-e", fmt.Sprintf("console.log(require.resolve(%q))", module))
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("could not find %s from %s (is @pulumi/pulumi installed? run npm install): %s",
			module, dir, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(string(out)), nil
}

func (h *languageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	dir := req.GetPwd()
	entry := req.GetProgram()
	if info != nil {
		dir = info.GetProgramDirectory()
		entry = info.GetEntryPoint()
	}
	if entry == "" {
		entry = "."
	}
	runPath, err := resolveModule(dir, "@pulumi/pulumi/cmd/run")
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}

	args := []string{}
	if nodeargs := h.option(info, "nodeargs"); nodeargs != "" {
		args = append(args, strings.Fields(nodeargs)...)
	}
	args = append(args, runPath)
	add := func(k, v string) {
		if v != "" {
			args = append(args, "--"+k, v)
		}
	}
	add("monitor", req.GetMonitorAddress())
	add("engine", h.engineAddress)
	add("organization", req.GetOrganization())
	add("project", req.GetProject())
	add("stack", req.GetStack())
	add("pwd", dir)
	if info != nil {
		add("root-directory", info.GetRootDirectory())
	}
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	add("query-mode", fmt.Sprint(req.GetQueryMode()))
	add("parallel", fmt.Sprint(req.GetParallel()))
	add("tracing", h.tracing)
	args = append(args, entry)
	args = append(args, req.GetArgs()...)

	configMap := req.GetConfig()
	if configMap == nil {
		configMap = map[string]string{}
	}
	config, err := json.Marshal(configMap)
	if err != nil {
		return nil, err
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	keys, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, err
	}
	env := append(os.Environ(), "PULUMI_CONFIG="+string(config), "PULUMI_CONFIG_SECRET_KEYS="+string(keys))
	if h.option(info, "typescript") != "false" {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if tsconfig := h.option(info, "tsconfig"); tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+tsconfig)
	}

	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			if exitErr.ExitCode() == exitCodeAlreadyReported {
				return &pulumirpc.RunResponse{Bail: true}, nil
			}
			return &pulumirpc.RunResponse{
				Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exitErr.ExitCode()),
			}, nil
		}
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not run node: %v", err)}, nil
	}
	return &pulumirpc.RunResponse{}, nil
}

// RunPlugin starts a plugin written in Node.js (a policy pack, for instance)
// and streams its output back to the engine, which reads the plugin's port
// from the first line of stdout.
func (h *languageHost) RunPlugin(
	req *pulumirpc.RunPluginRequest, server grpc.ServerStreamingServer[pulumirpc.RunPluginResponse],
) error {
	info := req.GetInfo()
	dir := req.GetProgram()
	if info != nil {
		dir = info.GetProgramDirectory()
	}
	runPath, err := resolveModule(dir, "@pulumi/pulumi/cmd/run-plugin")
	if err != nil {
		return err
	}
	// Plugins run from their own folder: a policy pack reads its name and
	// version from the package.json there.
	args := []string{runPath, "--pwd", dir, dir}
	args = append(args, req.GetArgs()...)
	cmd := exec.CommandContext(server.Context(), "node", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), req.GetEnv()...)
	cmd.Stdout = streamWriter{server, false}
	cmd.Stderr = streamWriter{server, true}
	code := int32(0)
	if err := cmd.Run(); err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			return err
		}
		code = int32(exitErr.ExitCode())
	}
	return server.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: code}})
}

type streamWriter struct {
	server grpc.ServerStreamingServer[pulumirpc.RunPluginResponse]
	stderr bool
}

func (w streamWriter) Write(p []byte) (int, error) {
	data := append([]byte(nil), p...)
	var resp pulumirpc.RunPluginResponse
	if w.stderr {
		resp.Output = &pulumirpc.RunPluginResponse_Stderr{Stderr: data}
	} else {
		resp.Output = &pulumirpc.RunPluginResponse_Stdout{Stdout: data}
	}
	if err := w.server.Send(&resp); err != nil {
		return 0, err
	}
	return len(p), nil
}
