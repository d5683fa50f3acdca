using System.Runtime.InteropServices;
using EvoGrains.Core.Diagnostics;

namespace EvoGrains.Core.Tests.Diagnostics;

public sealed class ErrorLineTests
{
    private const string LibTorchMessage =
        "Expected false to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)\n" +
        "Exception raised from toLong at /__w/1/s/bin/obj/libtorch/include/c10/core/Scalar.h:141 (most recent call first):\n" +
        "frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x52 (0x7f in libc10.so)\n" +
        "frame #1: c10::detail::torchCheckFail(char const*, char const*, unsigned int, char const*) + 0x3c (0x7f in libc10.so)\n";

    [Fact]
    public void A_libtorch_error_is_one_line_naming_the_check_the_native_function_and_the_own_method_that_called()
    {
        var line = ErrorLine.Of(Thrown(RaiseLibTorchError));

        Assert.Equal(
            "ExternalException: Expected false to be true, but got false. (raised in toLong at Scalar.h:141, in ErrorLineTests.RaiseLibTorchError)",
            line);
    }

    [Fact]
    public void A_plain_error_keeps_its_first_line()
    {
        Assert.Equal("InvalidOperationException: boom", ErrorLine.Of(new InvalidOperationException("boom\nsecond line")));
        Assert.Equal("InvalidOperationException: (no message)", ErrorLine.Of(new InvalidOperationException(" \n ")));
    }

    [Fact]
    public void A_torchscript_error_is_the_error_its_traceback_ends_with()
    {
        const string message =
            "The following operation failed in the TorchScript interpreter.\n" +
            "Traceback of TorchScript, serialized code (most recent call last):\n" +
            "  File \"code/__torch__.py\", line 16, in forward\n" +
            "    _1 = (fc).forward(torch.flatten(x0, 1), )\n" +
            "RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x2048 and 1568x10)\n";

        Assert.Equal(
            "ExternalException: RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x2048 and 1568x10) (in TorchScript)",
            ErrorLine.Of(new ExternalException(message)));
    }

    private static void RaiseLibTorchError() => throw new ExternalException(LibTorchMessage);

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception error)
        {
            return error;
        }

        throw new InvalidOperationException("nothing was thrown");
    }
}
