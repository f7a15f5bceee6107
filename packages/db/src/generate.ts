console.log("generate placeholder");
