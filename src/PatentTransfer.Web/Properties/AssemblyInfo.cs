using System.Resources;

// The resources without a culture suffix are Simplified Chinese, the portal's first language.
[assembly: NeutralResourcesLanguage("zh-CN")]
