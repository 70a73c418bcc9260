using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace PatentTransfer.Web.Features.MyPatents;

/// <summary>
/// An <see cref="InputFile"/> that says when the browser has attached its change listener. InputFile attaches it
/// in a JavaScript call from its first after-render; a file chosen before that call has run is silently lost, and a
/// parent's own after-render can re-render (and so look ready) before that call has even been sent. Waiting for the
/// base class's after-render waits for that very call's completion.
/// </summary>
public sealed class ListeningInputFile : InputFile
{
    /// <summary>Raised once, after the browser-side set-up of the input has completed.</summary>
    [Parameter]
    public EventCallback Listening { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await base.OnAfterRenderAsync(firstRender);
        if (firstRender)
        {
            await Listening.InvokeAsync();
        }
    }
}
