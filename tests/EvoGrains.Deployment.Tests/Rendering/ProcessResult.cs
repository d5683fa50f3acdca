namespace EvoGrains.Deployment.Tests.Rendering;

/// <summary>Exit code and captured output of a finished child process.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
